using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.KnowledgeBase;
using TumorBoard.KnowledgeBase.Rules;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.Benchmarks;

/// <summary>
/// The rules engine evaluating one patient with 100 alterations (a few actionable, the rest passenger
/// mutations in genes the knowledge base mostly does not index) against the full shipped knowledge base.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class RuleEngineBenchmark
{
    private RuleEngine _engine = null!;
    private PatientProfile _lungPatient = null!;
    private PatientProfile _colorectalPatient = null!;
    private PatientProfile _siteOnlyPatient = null!;

    [GlobalSetup]
    public void Setup()
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        // As the service loads it: rules gene-checked against the vocabulary (issue 10).
        _engine = new RuleEngine(GeneReferences.CheckRules(vocabulary, KnowledgeBaseLoader.LoadEmbedded(vocabulary.OncoTree, vocabulary.Drugs)), vocabulary.OncoTree);
        _lungPatient = Patient("LUAD", ["EGFR L858R", "EGFR T790M", "EGFR C797S", "TP53 R273H", "MET amp", "PIK3CA E545K"]);
        _colorectalPatient = Patient("COAD", ["KRAS G12C", "BRAF V600E", "PIK3CA H1047R", "APC R1450*", "ERBB2 amp", "TMB 24"]);

        // Colon coded by site only (ICD-10-CM C18 -> BOWEL): evaluated as COADREAD with conservative exclusions and caveats.
        _siteOnlyPatient = Patient("BOWEL", ["KRAS G12C", "BRAF V600E", "PIK3CA H1047R", "APC R1450*", "ERBB2 amp", "TMB 24"]);
    }

    [Benchmark(Description = "BOWEL (site only), 100 alterations")]
    public RuleEvaluation SiteOnly() => _engine.Evaluate(_siteOnlyPatient);

    [Benchmark(Description = "LUAD, 100 alterations")]
    public RuleEvaluation Lung() => _engine.Evaluate(_lungPatient);

    [Benchmark(Description = "COAD, 100 alterations")]
    public RuleEvaluation Colorectal() => _engine.Evaluate(_colorectalPatient);

    private static PatientProfile Patient(string tumor, string[] actionable)
    {
        var alterations = actionable.Select(Parse).ToList();
        var passengers = new[] { "TTN", "MUC16", "CSMD3", "RYR2", "LRP1B", "ZFHX4", "USH2A", "FAT4", "KMT2D", "SPTA1", "NOTCH1", "ARID1A", "KEAP1", "SMAD4", "CDKN2A", "RB1", "ATRX", "NF1", "PTPRD", "FAT1" };
        for (var i = 0; alterations.Count < 100; i++)
        {
            var gene = passengers[i % passengers.Length];
            var position = 100 + (i * 7);
            alterations.Add(new Alteration
            {
                Key = $"{gene} A{position}V",
                Gene = gene,
                Kind = AlterationKind.Snv,
                Protein = new ProteinChange($"A{position}V", ProteinChangeKind.Missense, 'A', position, null, position, "V"),
            });
        }

        return new PatientProfile { OncotreeCode = tumor, Alterations = alterations };
    }

    private static Alteration Parse(string text)
    {
        var (gene, change) = (text.Split(' ')[0], text.Split(' ')[1]);
        if (gene == "TMB")
        {
            return new Alteration { Key = "TMB", Gene = "", Kind = AlterationKind.Tmb, Value = decimal.Parse(change, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (change == "amp")
        {
            return new Alteration { Key = $"{gene} amplification", Gene = gene, Kind = AlterationKind.Cna, CnaCall = CnaCall.Amplification };
        }

        var residue = change[0];
        var position = int.Parse(change[1..^1], System.Globalization.CultureInfo.InvariantCulture);
        var alternate = change[^1].ToString();
        var kind = alternate == "*" ? ProteinChangeKind.Nonsense : ProteinChangeKind.Missense;
        return new Alteration
        {
            Key = text,
            Gene = gene,
            Kind = AlterationKind.Snv,
            Protein = new ProteinChange(change, kind, residue, position, null, position, alternate),
        };
    }
}
