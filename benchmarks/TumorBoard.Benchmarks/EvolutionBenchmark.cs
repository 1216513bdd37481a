using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Evolution;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.KnowledgeBase;
using TumorBoard.KnowledgeBase.Rules;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.Benchmarks;

/// <summary>
/// Issue 17: the evolution of a patient with 10 samples (a primary, two metastases, seven plasma draws) and
/// 500 distinct alterations across them (50 truncal, the rest in some samples), EGFR T790M rising in the draws
/// under erlotinib. "Evolution" is the pure computation; "Rules + evolution" adds the rules-engine run the
/// endpoint does first (which alterations resist which drugs).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class EvolutionBenchmark
{
    private RuleEngine _engine = null!;
    private MolecularProgressionRules _rules = null!;
    private EvolutionInput _input = null!;
    private PatientProfile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        var kb = GeneReferences.CheckRules(vocabulary, KnowledgeBaseLoader.LoadEmbedded(vocabulary.OncoTree, vocabulary.Drugs));
        _engine = new RuleEngine(kb, vocabulary.OncoTree);
        _rules = kb.MolecularProgression;
        var reports = Reports();
        var therapies = new[] { new PriorTherapy(["erlotinib"], At(2), null) };
        _profile = new PatientProfile
        {
            OncotreeCode = "LUAD",
            Alterations = reports.SelectMany(r => r.Alterations).GroupBy(a => a.Key, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList(),
            PriorTherapies = therapies,
        };
        _input = new EvolutionInput(reports, therapies)
        {
            Resistance = ResistanceLinks.From(_engine.Evaluate(_profile).Therapies, _rules),
            PairOptions = PairComparisonOptions.Default with { ClonalHematopoiesisGenes = kb.ClonalHaematopoiesis.Genes },
            LimitOfDetectionVaf = _rules.LimitOfDetectionVaf,
        };
    }

    [Benchmark(Description = "Evolution, 10 samples x 500 alterations")]
    public PatientEvolution Evolution() => EvolutionBuilder.Build(_input);

    [Benchmark(Description = "Rules + evolution, 10 samples x 500 alterations")]
    public PatientEvolution RulesAndEvolution() =>
        EvolutionBuilder.Build(_input with { Resistance = ResistanceLinks.From(_engine.Evaluate(_profile).Therapies, _rules) });

    private static List<ReportSnapshot> Reports()
    {
        var roles = new[] { SpecimenRole.Primary, SpecimenRole.Metastasis, SpecimenRole.Metastasis }
            .Concat(Enumerable.Repeat(SpecimenRole.Ctdna, 7)).ToArray();
        var genes = new[] { "TTN", "MUC16", "CSMD3", "RYR2", "LRP1B", "ZFHX4", "USH2A", "FAT4", "KMT2D", "SPTA1", "NOTCH1", "ARID1A", "KEAP1", "SMAD4", "CDKN2A", "RB1", "ATRX", "NF1", "PTPRD", "FAT1" };
        var reports = new List<ReportSnapshot>();
        for (var s = 0; s < roles.Length; s++)
        {
            var alterations = new List<Alteration> { Snv("EGFR", "L858R", 858, 0.3m) };
            if (s >= 4)
            {
                alterations.Add(Snv("EGFR", "T790M", 790, 0.005m * (s - 3)));
            }

            for (var i = 0; i < 499; i++)
            {
                // 50 truncal; the others in a sample when (i + s) % 3 != 0, so each sample carries about two thirds.
                if (i < 50 || (i + s) % 3 != 0)
                {
                    var gene = genes[i % genes.Length];
                    var position = 100 + i;
                    alterations.Add(Snv(gene, $"A{position}V", position, 0.05m + (0.001m * (i % 200))));
                }
            }

            reports.Add(new ReportSnapshot($"report-{s}", roles[s], At(s * 2), At((s * 2) + 1), alterations, null));
        }

        return reports;
    }

    private static DateTimeOffset At(int months) => new DateTimeOffset(2023, 1, 10, 0, 0, 0, TimeSpan.Zero).AddMonths(months);

    private static Alteration Snv(string gene, string change, int position, decimal vaf) => new()
    {
        Key = $"{gene} {change}",
        Gene = gene,
        Kind = AlterationKind.Snv,
        Vaf = vaf,
        Protein = new ProteinChange(change, ProteinChangeKind.Missense, change[0], position, null, position, change[^1].ToString(CultureInfo.InvariantCulture)),
    };
}
