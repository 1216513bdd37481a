using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.ReadModels;
using TumorBoard.Api.Tests.Evolution;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.LoadTest.Scenarios;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Recommendations;

/// <summary>
/// Pins what an ingestion's evaluation stores, to the byte: the document, every recommendation row with its payload, the
/// latest trial rows and the audit details, for fixed patients (the clinical cases of the other tests and every profile of
/// the load test's case mix, each as a new patient and then as a returning one with new reports), with some arms closed.
/// Work on the evaluating stage's speed must leave this file unchanged. Only a deliberate change of clinical output may
/// refresh it: <c>UPDATE_GOLDEN=1 dotnet test tests/TumorBoard.Api.Tests --filter EvaluationGoldenTests</c>, reviewed in the diff.
/// </summary>
public sealed partial class EvaluationGoldenTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Given_fixed_patients_when_ingestion_evaluates_them_then_documents_rows_payloads_and_audit_details_equal_the_committed_golden_file()
    {
        var knowledge = Knowledge.LoadEmbedded();
        var trials = Trials(knowledge);
        var actual = new StringBuilder();
        var full = new StringBuilder();
        using var ingestion = new InMemoryIngestion();
        foreach (var (name, bundles, hashed) in Patients())
        {
            var patient = default(Persistence.Entities.PatientEntity);
            var text = new StringBuilder();
            foreach (var bundle in bundles)
            {
                patient = ingestion.Apply(knowledge, bundle, Now, patient);
                var evaluation = EvaluationBuilder.Build(knowledge, PatientSnapshotLoader.FromPatient(patient), trials, Now, "ingestion");
                EvaluationRowsText.Append(text, EvaluationWriter.Rows(evaluation, Now, "system"));
                patient.LatestEvaluationId = evaluation.EvaluationId;
            }

            var normalised = NumberIds(text.ToString());
            actual.Append("## ").Append(name).Append('\n')
                .Append(hashed ? "sha256 " + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised))) + "\n" : normalised);
            full.Append("## ").Append(name).Append('\n').Append(normalised);
        }

        var path = Path.Combine(RepositoryRoot.Path, "tests", "TumorBoard.Api.Tests", "Recommendations", "Golden", "evaluations.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual.ToString());
        }

        Assert.True(File.Exists(path), "The golden file is missing: run UPDATE_GOLDEN=1 dotnet test tests/TumorBoard.Api.Tests --filter EvaluationGoldenTests");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual.ToString())
        {
            // Every case in full beside the test's binaries, to diff against the previous build's when a hashed case changed.
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "evaluations.actual.txt"), full.ToString());
            var lines = (Expected: expected.Split('\n'), Actual: actual.ToString().Split('\n'));
            var first = Enumerable.Range(0, Math.Min(lines.Expected.Length, lines.Actual.Length)).FirstOrDefault(i => lines.Expected[i] != lines.Actual[i]);
            Assert.Fail($"The evaluation output changed at line {first + 1}:\nexpected: {lines.Expected.ElementAtOrDefault(first)}\nactual:   {lines.Actual.ElementAtOrDefault(first)}");
        }

        Assert.Contains("\"molecularProgression\":[{", expected, StringComparison.Ordinal);
        Assert.Contains(" trial ", expected, StringComparison.Ordinal);
    }

    /// <summary>No overrides but a few closed arms (every fifth trial's first arm), so closed-arm statuses are pinned too.</summary>
    private static TrialContext Trials(Knowledge knowledge)
    {
        var overrides = knowledge.Trials.Trials.Where((_, i) => i % 5 == 0)
            .ToDictionary(t => new ArmKey(t.Id, t.Arms[0].Id), _ => ArmStatus.Closed);
        return new TrialContext(overrides, new KnowledgeBaseStamp(knowledge.Trials.Version, knowledge.Trials.ContentHash));
    }

    /// <summary>The clinical cases in full (reviewable in a diff); the load test's mix as a hash of the same text per patient (2 MB in full).</summary>
    private static IEnumerable<(string Name, string[] Bundles, bool Hashed)> Patients()
    {
        yield return ("lung T790M after erlotinib, then a new lung report", [Cases.LungT790MAfterErlotinib(), Cases.SingleLungReport("MRN-T790M", "ACC-LUNG-2", vaf: 0.2m)], false);
        yield return ("breast ESR1 under letrozole", [Cases.BreastEsr1UnderLetrozole()], false);
        yield return ("lung ALK G1202R after alectinib", [Cases.LungAlkG1202RAfterAlectinib()], false);
        yield return ("colorectal lost and acquired", [Cases.ColorectalLostAndAcquired()], false);
        yield return ("lung ctDNA", [Cases.LungCtdna()], false);
        yield return ("breast germline suspect", [Cases.BreastGermlineSuspect()], false);
        yield return ("lung panel without MET", [Cases.LungPanelWithoutMet()], false);
        yield return ("squamous lung PIK3CA", [Cases.SquamousLungPik3ca()], false);
        yield return ("breast AKT1 progressed", [Cases.BreastAkt1Progressed()], false);
        yield return ("breast HER2 amplified", [Cases.Patient("MRN-HER2", "IDC", "Breast Invasive Ductal Carcinoma", TestSite.Breast)
            .Marker(new TestMarker("85319-2", "HER2 [Presence] in Tissue by Immune stain", "LA6576-8", "Positive"), Cases.Diagnosis)
            .Report(new TestReport("ACC-HER2-1", TestSite.Breast, Cases.Diagnosis, [new TestCopyNumber("ERBB2", 12m)]))
            .ToJson()], false);
        foreach (var name in new[] { EvolutionCases.T790MThenC797S, EvolutionCases.KrasUnderCetuximab, EvolutionCases.PrivateMetastasisMutation, EvolutionCases.SingleDrawBlip, EvolutionCases.PurityReported })
        {
            yield return (name, [EvolutionCases.Bundle(name)], false);
        }

        yield return ("ESR1 rising, then its fifth draw", [EvolutionCases.Bundle(EvolutionCases.Esr1Rising), EvolutionCases.Bundle(EvolutionCases.Esr1FifthDraw)], false);
        foreach (var lag3 in new[] { "melanoma-lag3-0-percent", "melanoma-lag3-5-percent", "melanoma-lag3-not-reported" })
        {
            yield return (lag3, [File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Trials", "Cases", lag3 + ".json"))], false);
        }

        // The load test's case mix: every profile, seeded, first as a new patient, then returning with a second pair of reports.
        var factory = new PatientCaseFactory(12, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
        for (var i = 0; i < ClinicalProfiles.All.Count; i++)
        {
            var profile = ClinicalProfiles.All[i];
            var mrn = string.Create(CultureInfo.InvariantCulture, $"LT-GOLDEN-{i:D3}");
            yield return ("load mix: " + profile.Name, [CaseBundles.ToJson(factory.For(profile, mrn, mrn + "-A")), CaseBundles.ToJson(factory.For(profile, mrn, mrn + "-B"))], true);
        }
    }

    /// <summary>The generated ids (patient, reports, evaluations, recommendations) replaced by their order of first appearance.</summary>
    private static string NumberIds(string text)
    {
        var numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return GuidPattern().Replace(text, m => "id-" + (numbers.TryGetValue(m.Value, out var n) ? n : numbers[m.Value] = numbers.Count).ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
