using System.Text.Json;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Civic;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.KnowledgeBase.Civic;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests.Civic;

/// <summary>
/// The CIViC engine (condition groups fired without traces, one layering decision per therapy and effect of a group)
/// must say exactly what the per-item layering said: the full evaluation of every CIViC rule, then
/// <see cref="CivicLayering.Combine"/>. Compared field by field (as JSON) for every golden case, for every golden
/// alteration at once in each golden tumour type, and for the benchmark's 100-alteration patients.
/// </summary>
public class CivicEngineTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private static readonly Lazy<Engines> Loaded = new(() =>
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        var curated = GeneReferences.LoadRules(vocabulary);
        var layer = CivicLayerLoader.LoadEmbedded(vocabulary, curated);
        return new Engines(
            new RuleEngine(curated, vocabulary.OncoTree),
            new RuleEngine(layer.Rules, vocabulary.OncoTree),
            new CivicEngine(layer, vocabulary.OncoTree),
            layer);
    });

    [Fact]
    public void For_every_golden_case_the_CIViC_engine_gives_the_same_findings_corroborations_and_conflicts_as_the_per_item_layering()
    {
        var cases = GoldenCases();
        var withFindings = 0;
        var withConflicts = 0;
        var withCorroborations = 0;

        foreach (var (file, golden) in cases)
        {
            var (expected, actual) = BothWays(golden.ToProfile());
            Assert.True(Same(expected, actual), $"{file}: the CIViC engine differs from the per-item layering{Environment.NewLine}{Diff(expected, actual)}");
            withFindings += actual.Findings.Count > 0 ? 1 : 0;
            withConflicts += actual.Conflicts.Count > 0 ? 1 : 0;
            withCorroborations += actual.Corroborations.Count > 0 ? 1 : 0;
        }

        // Not a comparison of empty answers: the golden cases exercise every kind of CIViC output.
        Assert.True(cases.Count > 100, $"{cases.Count} golden cases");
        Assert.True(withFindings > 20, $"{withFindings} cases with CIViC findings");
        Assert.True(withConflicts > 0, $"{withConflicts} cases with conflicts");
        Assert.True(withCorroborations > 10, $"{withCorroborations} cases with corroborations");
    }

    [Fact]
    public void With_every_golden_alteration_at_once_in_each_golden_tumour_type_the_CIViC_engine_matches_the_per_item_layering()
    {
        var cases = GoldenCases().Select(c => c.Case).ToList();
        var alterations = cases.SelectMany(c => c.Alterations).Select(a => a.ToAlteration())
            .GroupBy(a => a.Key, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var tumours = cases.Select(c => c.Tumor).Distinct().ToList();
        var merged = 0;

        foreach (var tumour in tumours)
        {
            var (expected, actual) = BothWays(new PatientProfile { OncotreeCode = tumour, Alterations = alterations });
            Assert.True(Same(expected, actual), $"{tumour ?? "(no tumour)"}: the CIViC engine differs{Environment.NewLine}{Diff(expected, actual)}");
            merged += actual.Findings.Count(f => f.RuleIds.Count > 1);
        }

        // Findings that gather the items of several rules (and, here, of several condition groups) are the hard part.
        Assert.True(merged > 10, $"{merged} findings with more than one rule");
    }

    [Theory]
    [InlineData("LUAD", new[] { "EGFR L858R", "EGFR T790M", "EGFR C797S", "TP53 R273H", "MET amp", "PIK3CA E545K" })]
    [InlineData("COAD", new[] { "KRAS G13D", "BRAF V600E", "PIK3CA H1047R", "APC R1450*", "ERBB2 amp" })]
    [InlineData("BOWEL", new[] { "KRAS G12C", "BRAF V600E", "NRAS Q61K" })]
    [InlineData(null, new[] { "BRAF V600E", "EGFR L858R" })]
    public void For_the_benchmark_patients_with_100_alterations_the_CIViC_engine_matches_the_per_item_layering(string? tumour, string[] actionable)
    {
        var (expected, actual) = BothWays(Patient(tumour, actionable));

        Assert.True(Same(expected, actual), Diff(expected, actual));
        if (tumour is not null)
        {
            Assert.NotEmpty(actual.Findings);
        }
    }

    [Fact]
    public void KRAS_G13D_in_colorectal_cancer_keeps_its_CIViC_cetuximab_conflict_with_the_curated_resistance_rule()
    {
        var (_, actual) = BothWays(Patient("COAD", ["KRAS G13D"]));

        var finding = Assert.Single(actual.Findings, f => f.Drugs.SequenceEqual(["cetuximab"]) && f.Effect == TherapyEffect.Sensitive);
        Assert.Contains(finding.Evidence, e => e.Eid == "EID306");
        Assert.Equal(["CRC-KRAS-RES/cetuximab"], finding.ConflictsWith);
        var conflict = Assert.Single(actual.Conflicts, c => c.CuratedRuleId == "CRC-KRAS-RES/cetuximab");
        Assert.Equal(TherapyEffect.Resistant, conflict.CuratedEffect);
        Assert.Contains(conflict.Evidence, e => e.Eid == "EID306");
    }

    private sealed record Engines(RuleEngine Curated, RuleEngine CivicRules, CivicEngine Civic, CivicLayer Layer);

    private static (CivicEvaluation Expected, CivicEvaluation Actual) BothWays(PatientProfile patient)
    {
        var engines = Loaded.Value;
        var curated = engines.Curated.Evaluate(patient);
        return (CivicLayering.Combine(curated, engines.CivicRules.Evaluate(patient), engines.Layer), engines.Civic.Evaluate(patient, curated));
    }

    private static bool Same(CivicEvaluation expected, CivicEvaluation actual) =>
        string.Equals(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(actual, Json), StringComparison.Ordinal);

    private static string Diff(CivicEvaluation expected, CivicEvaluation actual)
    {
        var (a, b) = (JsonSerializer.Serialize(expected, Json).Split('\n'), JsonSerializer.Serialize(actual, Json).Split('\n'));
        var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        return $"first difference at line {line + 1}: expected '{(line < a.Length ? a[line] : "<end>")}', got '{(line < b.Length ? b[line] : "<end>")}'";
    }

    private static List<(string File, GoldenCase Case)> GoldenCases() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Golden"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), JsonSerializer.Deserialize<GoldenCase>(File.ReadAllText(f), GoldenCase.Json)!))
            .ToList();

    // The benchmark's patient: the actionable alterations plus passenger missense changes in 20 genes, 100 in all.
    private static PatientProfile Patient(string? tumour, string[] actionable)
    {
        var alterations = actionable.Select(Parse).ToList();
        var passengers = new[] { "TTN", "MUC16", "CSMD3", "RYR2", "LRP1B", "ZFHX4", "USH2A", "FAT4", "KMT2D", "SPTA1", "NOTCH1", "ARID1A", "KEAP1", "SMAD4", "CDKN2A", "RB1", "ATRX", "NF1", "PTPRD", "FAT1" };
        for (var i = 0; alterations.Count < 100; i++)
        {
            var position = 100 + (i * 7);
            alterations.Add(Missense(passengers[i % passengers.Length], $"A{position}V"));
        }

        return new PatientProfile { OncotreeCode = tumour, Alterations = alterations };
    }

    private static Alteration Parse(string text)
    {
        var (gene, change) = (text.Split(' ')[0], text.Split(' ')[1]);
        return change == "amp"
            ? new Alteration { Key = $"{gene} amplification", Gene = gene, Kind = AlterationKind.Cna, CnaCall = CnaCall.Amplification }
            : Missense(gene, change);
    }

    private static Alteration Missense(string gene, string change)
    {
        var position = int.Parse(change[1..^1], System.Globalization.CultureInfo.InvariantCulture);
        var alternate = change[^1].ToString();
        return new Alteration
        {
            Key = $"{gene} {change}",
            Gene = gene,
            Kind = AlterationKind.Snv,
            Protein = new ProteinChange(change, alternate == "*" ? ProteinChangeKind.Nonsense : ProteinChangeKind.Missense, change[0], position, null, position, alternate),
        };
    }
}
