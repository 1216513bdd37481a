using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TumorBoard.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TumorBoard.EndToEnd.Tests.Board;

[Collection(BoardCollection.Name)]
public sealed class CoordinatorTests(BoardFixture board) : IAsyncLifetime
{
    public Task InitializeAsync() => board.Server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_coordinator_changes_an_arm_status_and_the_board_sees_the_new_status_and_the_re_evaluation()
    {
        // The demo case the trial catalog matches to an arm (eligible or potential), whichever it is today.
        using var api = board.Server.ApiClient("dr-b", "board");
        var (patientId, firstEvaluation, arm) = await MatchedDemoCaseAsync(api);
        var (trialId, armId) = (arm.GetProperty("trialId").GetString()!, arm.GetProperty("armId").GetString()!);
        var patient = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/patients/{patientId}", UriKind.Relative))).RootElement;
        var mrn = patient.GetProperty("identifiers")[0].GetProperty("value").GetString()!;
        var (before, after) = arm.GetProperty("armStatus").GetString() == "open" ? ("open", "closed") : (arm.GetProperty("armStatus").GetString()!, "open");

        // The board signed the case off before the coordinator's change.
        using (var signOff = new StringContent("""{"comment":"MTB","acceptUnreviewed":true}""", System.Text.Encoding.UTF8, "application/json"))
        {
            var signed = await api.PostAsync(new Uri($"/api/evaluations/{firstEvaluation}/sign-off", UriKind.Relative), signOff);
            Assert.True(signed.IsSuccessStatusCode, await signed.Content.ReadAsStringAsync());
        }

        var coordinator = await board.Browser.NewSessionAsync();
        await coordinator.SignInAsync("coordinator-c", "trials");
        await coordinator.GotoAsync("/board/trials");
        var row = coordinator.Locator($"tr[data-arm='{trialId}/{armId}']");
        await Expect(row.Locator(".arm-status")).ToHaveTextAsync(before);
        await row.GetByLabel($"New status of {trialId} arm {armId}").SelectOptionAsync(after);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Set the status of {trialId} arm {armId}" }).ClickAsync();

        await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync($"{trialId} arm {armId} is now {after}");
        await Expect(coordinator.Locator($"tr[data-arm='{trialId}/{armId}'] .arm-status")).ToHaveTextAsync(after);
        await Screenshots.SaveAsync(coordinator, "trials-page.png", print: false);
        var axe = await coordinator.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} {v.Nodes.FirstOrDefault()?.Html}")));
        await coordinator.Locator($"tr[data-arm='{trialId}/{armId}'] th a").ClickAsync();
        await Expect(coordinator.Locator("#arm-status")).ToHaveTextAsync(after);
        await Expect(coordinator.Locator("table")).ToContainTextAsync(mrn);

        // The background re-match stores a new evaluation for the patient; the board's page shows it and why.
        await WaitForReEvaluationAsync(api, patientId, firstEvaluation);
        var member = await board.Browser.NewSessionAsync();
        await member.SignInAsync("dr-a", "board");
        await member.FindPatientAsync(mrn);
        var armCard = member.Locator($"article[id='arm-{trialId}-{armId}']");
        await Expect(armCard.Locator(".arm-status")).ToHaveTextAsync($"arm {after}");
        await Expect(member.Locator("#evaluation")).ToContainTextAsync("(rematch)");
        await Expect(member.Locator("#evaluation .changes")).ToContainTextAsync($"{trialId}/{armId}: ");
        await Expect(member.Locator("#evaluation .changes")).ToContainTextAsync($"arm {before} -> ");
        await Expect(member.Locator("#audit")).ToBeVisibleAsync();

        // The pending re-evaluation beside the signed-off record, with its cause: who changed which arm.
        await Expect(member.Locator("#signed-off-record")).ToContainTextAsync("signed off by dr-b");
        await Expect(member.Locator("#pending-causes")).ToContainTextAsync($"{trialId} arm {armId} {before} → {after} by coordinator-c");
        await Expect(member.Locator("#pending-differences")).ToContainTextAsync("Trial arm changed");
    }

    private async Task<(string PatientId, string EvaluationId, JsonElement Arm)> MatchedDemoCaseAsync(HttpClient api)
    {
        var seen = new List<string>();
        foreach (var file in BoardServer.DemoFiles())
        {
            var ingested = JsonDocument.Parse(await board.Server.IngestDemoAsync(file)).RootElement;
            var evaluationId = ingested.GetProperty("evaluationId").GetString()!;
            var evaluation = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/evaluations/{evaluationId}", UriKind.Relative))).RootElement;
            var trials = evaluation.GetProperty("trials").EnumerateArray().ToList();
            seen.AddRange(trials.Select(t => $"{file}: {t.GetProperty("trialId")}/{t.GetProperty("armId")} {t.GetProperty("status")}"));
            if (trials.FirstOrDefault(t => t.GetProperty("status").GetString() != "ineligible") is { ValueKind: JsonValueKind.Object } arm)
            {
                return (ingested.GetProperty("patientId").GetString()!, evaluationId, arm);
            }
        }

        Assert.Fail("No demo case matches a trial arm: " + string.Join("; ", seen));
        return default;
    }

    /// <summary>Polls the API (bounded) until the patient's latest evaluation is no longer the ingested one.</summary>
    private static async Task WaitForReEvaluationAsync(HttpClient api, string patientId, string firstEvaluation)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var patient = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/patients/{patientId}", UriKind.Relative))).RootElement;
            if (patient.GetProperty("latestEvaluationId").GetString() != firstEvaluation)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The re-match did not re-evaluate the patient within 20 s.");
    }
}
