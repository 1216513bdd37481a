using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Civic;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.KnowledgeBase;
using TumorBoard.KnowledgeBase.Civic;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.Benchmarks;

/// <summary>
/// One patient with 100 alterations against both layers as the service evaluates them (issue 10): the curated engine,
/// the CIViC engine and the layering that turns CIViC matches into corroborations, conflicts and CIViC-only findings;
/// and loading the CIViC layer (parse, the curated rule checks, gene check).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class LayeredEngineBenchmark
{
    private Core.Vocabularies.Vocabulary _vocabulary = null!;
    private Core.Rules.KnowledgeBase _curated = null!;
    private RuleEngine _curatedEngine = null!;
    private RuleEngine _civicRuleEngine = null!;
    private CivicEngine _civicEngine = null!;
    private CivicLayer _layer = null!;
    private PatientProfile _lungPatient = null!;
    private PatientProfile _colorectalPatient = null!;

    [GlobalSetup]
    public void Setup()
    {
        _vocabulary = VocabularyLoader.LoadEmbedded();
        _curated = GeneReferences.LoadRules(_vocabulary);
        _layer = CivicLayerLoader.LoadEmbedded(_vocabulary, _curated);
        _curatedEngine = new RuleEngine(_curated, _vocabulary.OncoTree);
        _civicRuleEngine = new RuleEngine(_layer.Rules, _vocabulary.OncoTree);
        _civicEngine = new CivicEngine(_layer, _vocabulary.OncoTree);
        _lungPatient = Patient("LUAD", ["EGFR L858R", "EGFR T790M", "EGFR C797S", "TP53 R273H", "MET amp", "PIK3CA E545K"]);
        _colorectalPatient = Patient("COAD", ["KRAS G13D", "BRAF V600E", "PIK3CA H1047R", "APC R1450*", "ERBB2 amp", "TMB 24"]);
    }

    [Benchmark(Description = "Load CIViC layer (379 rules) + checks")]
    public int LoadCivicLayer() => CivicLayerLoader.LoadEmbedded(_vocabulary, _curated).Rules.Rules.Count;

    [Benchmark(Description = "Both layers: LUAD, 100 alterations")]
    public CivicEvaluation Lung() => Evaluate(_lungPatient);

    [Benchmark(Description = "Both layers: COAD, 100 alterations")]
    public CivicEvaluation Colorectal() => Evaluate(_colorectalPatient);

    [Benchmark(Description = "Both layers, per-item layering (before): LUAD")]
    public CivicEvaluation LungPerItem() => EvaluatePerItem(_lungPatient);

    [Benchmark(Description = "Both layers, per-item layering (before): COAD")]
    public CivicEvaluation ColorectalPerItem() => EvaluatePerItem(_colorectalPatient);

    // As the service does it: the curated engine, then the CIViC engine beside it.
    private CivicEvaluation Evaluate(PatientProfile patient) => _civicEngine.Evaluate(patient, _curatedEngine.Evaluate(patient));

    // The layering before CivicEngine: the CIViC rules' full evaluation (a traced match per rule), then Combine.
    private CivicEvaluation EvaluatePerItem(PatientProfile patient)
    {
        var curated = _curatedEngine.Evaluate(patient);
        return CivicLayering.Combine(curated, _civicRuleEngine.Evaluate(patient), _layer);
    }

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

        var position = int.Parse(change[1..^1], System.Globalization.CultureInfo.InvariantCulture);
        var alternate = change[^1].ToString();
        return new Alteration
        {
            Key = text,
            Gene = gene,
            Kind = AlterationKind.Snv,
            Protein = new ProteinChange(change, alternate == "*" ? ProteinChangeKind.Nonsense : ProteinChangeKind.Missense, change[0], position, null, position, alternate),
        };
    }
}
