using TumorBoard.Api.Features.Subscriptions;
using TumorBoard.Api.ReadModels;

namespace TumorBoard.Api.Tests.Subscriptions;

/// <summary>Which progression flags of an evaluation become events, compared with the previous evaluation's reports (pure, no database).</summary>
public sealed class ProgressionEventsTests
{
    private static readonly Guid Patient = Guid.Parse("01a225f9-45a0-7b96-b396-2e27c16df70f");
    private static readonly Guid[] Draws = [.. Enumerable.Range(1, 5).Select(i => Guid.Parse($"01a225f9-45a1-7000-8000-00000000000{i}"))];

    [Fact]
    public void Without_a_previous_evaluation_every_rise_is_new_and_one_event_per_alteration_names_the_latest()
    {
        var events = ProgressionEvents.For(Evaluation(Flag("ESR1 Y537S", 0, 1), Flag("ESR1 Y537S", 1, 2), Flag("ESR1 Y537S", 2, 3), Flag("ESR1 D538G", 2, 3)), null, null);

        Assert.Equal(["ESR1 Y537S", "ESR1 D538G"], events.Select(e => e.Fields["alterationKey"]!.GetValue<string>()));
        Assert.Equal(Draws[3], events[0].Fields["to"]!["reportId"]!.GetValue<Guid>());
        Assert.All(events, e => Assert.Equal((EventTypes.MolecularProgression, (string?)null, (string?)null, (Guid?)Patient), (e.Type, e.TrialId, e.ArmId, e.PatientId)));
    }

    [Fact]
    public void A_rise_whose_later_draw_the_previous_evaluation_already_saw_is_not_announced_again()
    {
        var evaluation = Evaluation(Flag("ESR1 Y537S", 0, 1), Flag("ESR1 Y537S", 1, 2), Flag("ESR1 Y537S", 2, 3));

        Assert.Empty(ProgressionEvents.For(evaluation, [.. Draws[..4]], null));
        var e = Assert.Single(ProgressionEvents.For(evaluation, [.. Draws[..3]], "https://tumorboard.example.org/"));
        Assert.Equal((Draws[2], Draws[3]), (e.Fields["from"]!["reportId"]!.GetValue<Guid>(), e.Fields["to"]!["reportId"]!.GetValue<Guid>()));
        Assert.Equal($"https://tumorboard.example.org/api/patients/{Patient}/evolution", e.Fields["link"]!.GetValue<string>());
    }

    [Fact]
    public void An_evaluation_without_progression_announces_nothing()
    {
        Assert.Empty(ProgressionEvents.For(Evaluation(), null, null));
    }

    private static MolecularProgressionDto Flag(string key, int from, int to) => new()
    {
        AlterationKey = key,
        Gene = "ESR1",
        Kind = "increase",
        FromVaf = 0.01m * (from + 1),
        ToVaf = 0.01m * (to + 1),
        FromReportId = Draws[from],
        FromDate = DateTimeOffset.UnixEpoch.AddDays(from * 60),
        ToReportId = Draws[to],
        ToDate = DateTimeOffset.UnixEpoch.AddDays(to * 60),
        UnderTherapies = [new TherapyPeriodDto(["letrozole"], DateTimeOffset.UnixEpoch, null, null)],
        ResistedDrugs = ["letrozole"],
        ProgressionRuleId = "PADA-1",
        ResistanceRuleId = "BREAST-ESR1-LBD",
        Citations = [],
        Summary = $"{key} rose",
    };

    private static EvaluationDocument Evaluation(params MolecularProgressionDto[] flags) => new()
    {
        EvaluationId = Guid.CreateVersion7(),
        PatientId = Patient,
        EvaluatedAt = DateTimeOffset.UnixEpoch,
        KnowledgeBase = new KnowledgeBaseStamp("1", "kb"),
        Therapies = [],
        ReportIds = [],
        Trigger = "test",
        Warnings = [],
        MolecularProgression = flags,
    };
}
