using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.Tests.Support;
using static TumorBoard.Core.Tests.Trials.TestTrials;

namespace TumorBoard.Core.Tests.Trials;

/// <summary>Line counts, "no targetable alteration", disease-status facts and the provenance each trace line names.</summary>
public class ClinicalFactCriteriaTests
{
    private static readonly GenomicCriterion L858R = Gene(new ExactProteinChangeMatcher("EGFR", "L858R"));
    private static readonly Alteration EgfrL858R = Proteins.Mutation("EGFR", "L858R");
    private static readonly string[] Io = ["pembrolizumab", "nivolumab"];

    private static PriorTherapy Line(string drug, int year, string source) =>
        new([drug], new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero)) { Source = source };

    private static CriterionResult Evaluate(TrialCriterion criterion, TrialPatient patient) =>
        OnlyArm(Engine(ArmRanking.None, Arm("X", L858R, null, criterion)), patient).Criteria[1];

    [Theory]
    [InlineData(1, true, CriterionOutcome.Met)]
    [InlineData(1, false, CriterionOutcome.Unknown)]
    [InlineData(2, false, CriterionOutcome.Unmet)]
    [InlineData(0, true, CriterionOutcome.Unmet)]
    [InlineData(0, false, CriterionOutcome.Unknown)]
    public void Exactly_one_prior_line_is_confirmed_only_by_a_complete_history_and_refuted_by_two(int lines, bool complete, CriterionOutcome expected)
    {
        var therapies = Enumerable.Range(0, lines).Select(i => Line(Io[i], 2024 + i, $"MedicationStatement/ms-{i}")).ToList();
        var patient = Patient("LUAD", EgfrL858R) with { PriorTherapies = therapies, PriorTherapiesComplete = complete };

        var line = Evaluate(new PriorLinesCriterion(Io, [], Io, 1, 1), patient);

        Assert.Equal(expected, line.Result);
        if (lines > 0)
        {
            Assert.Contains("MedicationStatement/ms-0", line.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_targetable_alteration_is_unknown_without_the_knowledge_base_and_names_the_rule_when_unmet()
    {
        var criterion = new NoTargetableAlterationCriterion([EvidenceLevel.Level1], [], UnlessTreated: false);
        var kras = Proteins.Mutation("KRAS", "G12C");
        var match = new KnowledgeBaseMatch("NSCLC-KRAS-G12C", "KRAS", ["KRAS G12C"], ["sotorasib"], EvidenceLevel.Level1);
        var basePatient = Patient("LUAD", EgfrL858R, kras);

        var unknown = Evaluate(criterion, basePatient);
        var unmet = Evaluate(criterion, basePatient with { KnowledgeBaseMatches = [match] });
        var lowerLevel = Evaluate(criterion, basePatient with { KnowledgeBaseMatches = [match with { Level = EvidenceLevel.Level3A }] });

        Assert.Equal(CriterionOutcome.Unknown, unknown.Result);
        Assert.Equal(CriterionOutcome.Unmet, unmet.Result);
        Assert.Contains("NSCLC-KRAS-G12C", unmet.Detail, StringComparison.Ordinal);
        Assert.Equal(CriterionOutcome.Met, lowerLevel.Result);
    }

    [Fact]
    public void The_selecting_alteration_is_not_an_other_driver_and_a_treated_driver_is_allowed_when_asked()
    {
        var egfr = new KnowledgeBaseMatch("NSCLC-EGFR-L858R", "EGFR", ["EGFR L858R"], ["osimertinib"], EvidenceLevel.Level1);
        var patient = Patient("LUAD", EgfrL858R) with { KnowledgeBaseMatches = [egfr] };

        var own = Evaluate(new NoTargetableAlterationCriterion([EvidenceLevel.Level1], [], false), patient);
        var nonMatch = Engine(ArmRanking.None, Arm("NM", new NoTargetableAlterationCriterion([EvidenceLevel.Level1], [], UnlessTreated: true)));
        var untreated = ArmsOf(nonMatch, patient);
        var treated = ArmsOf(nonMatch, patient with { PriorTherapies = [Line("osimertinib", 2025, "MedicationStatement/osi")] });

        Assert.Equal(CriterionOutcome.Met, own.Result);
        Assert.Empty(untreated);
        Assert.Contains("MedicationStatement/osi", Assert.Single(treated).Criteria[0].Detail, StringComparison.Ordinal);

        static IReadOnlyList<ArmMatch> ArmsOf(TrialEngine engine, TrialPatient patient) => engine.Evaluate(patient, Today).Arms;
    }

    [Fact]
    public void The_latest_assessment_decides_progression_undetermined_and_future_ones_are_skipped()
    {
        DiseaseStatusRecord At(DiseaseStatus status, int month, string id) => new(status, new DateTimeOffset(2026, month, 1, 0, 0, 0, TimeSpan.Zero), $"Observation/{id}");

        var progressed = DiseaseStatusFacts.Progression([At(DiseaseStatus.Stable, 1, "a"), At(DiseaseStatus.Progression, 4, "b"), At(DiseaseStatus.Undetermined, 5, "c"), At(DiseaseStatus.Stable, 9, "future")], Today);
        var none = DiseaseStatusFacts.Progression([At(DiseaseStatus.Undetermined, 5, "c")], Today);

        Assert.True(progressed!.Value.Progression);
        Assert.Contains("Observation/b", progressed.Value.Source, StringComparison.Ordinal);
        Assert.Contains("2026-04-01", progressed.Value.Source, StringComparison.Ordinal);
        Assert.Null(none);
    }

    [Fact]
    public void A_recorded_fact_and_the_birth_date_name_their_source_in_the_trace()
    {
        var patient = Patient("LUAD", EgfrL858R) with
        {
            BirthDate = new DateOnly(1960, 3, 1),
            BirthDateSource = "Patient.birthDate",
            Facts = new Dictionary<ClinicalFact, bool> { [ClinicalFact.Progression] = true },
            FactSources = new Dictionary<ClinicalFact, string> { [ClinicalFact.Progression] = "disease status progression on 2026-04-01, Observation/b" },
        };

        var age = Evaluate(new AgeCriterion(18, null), patient);
        var fact = Evaluate(new ClinicalFactCriterion(ClinicalFact.Progression, true), patient);
        var unknownFact = Evaluate(new ClinicalFactCriterion(ClinicalFact.Progression, true), Patient("LUAD", EgfrL858R));

        Assert.Equal("age 66 on 2026-06-01 (Patient.birthDate)", age.Detail);
        Assert.Contains("Observation/b", fact.Detail, StringComparison.Ordinal);
        Assert.Equal(CriterionOutcome.Unknown, unknownFact.Result);
        Assert.Contains("not recorded", unknownFact.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_criterion_from_MATCHbox_data_says_so_in_its_text()
    {
        var criterion = new NotCriterion(new GenomicCriterion(new ExactProteinChangeMatcher("EGFR", "T790M"), SampleScope.Any, RequiredOrigin.Any)) { Label = "No EGFR T790M", Source = CriterionSource.MatchboxData };

        Assert.Equal("No EGFR T790M (per MATCHbox arm data; confirm against the protocol)", criterion.Text);
    }
}
