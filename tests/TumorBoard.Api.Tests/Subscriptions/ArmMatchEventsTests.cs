using TumorBoard.Api.Features.Subscriptions;
using TumorBoard.Api.ReadModels;

namespace TumorBoard.Api.Tests.Subscriptions;

/// <summary>Which arms an evaluation announces, compared with the rows of the patient's previous evaluation (pure, no database).</summary>
public sealed class ArmMatchEventsTests
{
    private static readonly Guid Patient = Guid.Parse("01a225f9-45a0-7b96-b396-2e27c16df70f");

    [Theory]
    [InlineData(null, null, "potential", "open", true)]
    [InlineData(null, null, "eligible", "open", true)]
    [InlineData("potential", "open", "eligible", "open", true)]
    [InlineData("potential", "closed", "potential", "open", true)]
    [InlineData("ineligible", "open", "potential", "open", true)]
    [InlineData("potential", "open", "potential", "open", false)]
    [InlineData("eligible", "open", "eligible", "open", false)]
    [InlineData("eligible", "open", "potential", "open", false)]
    [InlineData(null, null, "potential", "closed", false)]
    [InlineData(null, null, "potential", "suspended", false)]
    [InlineData(null, null, "ineligible", "open", false)]
    public void An_arm_is_announced_only_when_the_patient_is_newly_listed_on_it_while_it_is_open(
        string? previousStatus, string? previousArmStatus, string status, string armStatus, bool announced)
    {
        PreviousArmStatus[] previous = previousStatus is null ? [] : [new PreviousArmStatus(Patient, "Lung-MAP", "S1400B", previousStatus, previousArmStatus)];

        var events = ArmMatchEvents.For(Evaluation(status, armStatus), previous, null);

        Assert.Equal(announced ? 1 : 0, events.Count);
    }

    [Fact]
    public void Rows_of_another_arm_or_patient_do_not_count_as_the_previous_listing()
    {
        PreviousArmStatus[] previous =
        [
            new(Patient, "Lung-MAP", "S1400A", "potential", "open"),
            new(Guid.NewGuid(), "Lung-MAP", "S1400B", "potential", "open"),
            new(Patient, null, null, null, null),
        ];

        var e = Assert.Single(ArmMatchEvents.For(Evaluation("potential", "open"), previous, "https://tumorboard.example.org/"));

        Assert.Equal(EventTypes.ArmMatch, e.Type);
        Assert.Equal(("Lung-MAP", "S1400B", Patient), (e.TrialId, e.ArmId, e.PatientId));
        Assert.Equal(["trialId", "armId", "patientId", "status", "evaluationId", "link"], e.Fields.Select(f => f.Key));
        Assert.StartsWith("https://tumorboard.example.org/api/evaluations/", e.Fields["link"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static EvaluationDocument Evaluation(string status, string armStatus) => new()
    {
        EvaluationId = Guid.CreateVersion7(),
        PatientId = Patient,
        EvaluatedAt = DateTimeOffset.UnixEpoch,
        KnowledgeBase = new KnowledgeBaseStamp("1", "kb"),
        Therapies = [],
        ReportIds = [],
        Trigger = "test",
        Warnings = [],
        Trials =
        [
            new TrialRecommendationDto
            {
                RecommendationId = Guid.CreateVersion7(),
                TrialId = "Lung-MAP",
                NctId = "NCT02154490",
                ArmId = "S1400B",
                ArmTitle = "Taselisib in PIK3CA-mutated squamous NSCLC",
                Drugs = ["taselisib"],
                Status = status,
                ArmStatus = armStatus,
                Criteria = [],
            },
        ],
    };
}
