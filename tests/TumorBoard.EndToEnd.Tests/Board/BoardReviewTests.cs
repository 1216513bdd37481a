using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TumorBoard.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace TumorBoard.EndToEnd.Tests.Board;

[Collection(BoardCollection.Name)]
public sealed class BoardReviewTests(BoardFixture board) : IAsyncLifetime
{
    private const string Mrn = "DEMO-0001";

    public Task InitializeAsync() => board.Server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_board_member_signs_in_finds_the_T790M_case_reviews_osimertinib_and_signs_off()
    {
        var ingested = JsonDocument.Parse(await board.Server.IngestDemoAsync("lung-egfr-t790m-after-erlotinib.json")).RootElement;
        var patientId = ingested.GetProperty("patientId").GetString()!;
        var page = await board.Browser.NewSessionAsync();
        var requested = page.RecordRequestUrls();

        await page.SignInAsync("dr-a", "board");
        await page.FindPatientAsync(Mrn);

        Assert.EndsWith($"/board/patients/{patientId}", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToContainTextAsync("Lung Adenocarcinoma (LUAD)");
        var plot = page.Locator("#pair svg");
        await Expect(plot.Locator("title").First).ToHaveTextAsync("Lung Adenocarcinoma (LUAD): VAF primary vs metastasis");
        await Expect(plot.Locator(".axis-title.y-title")).ToHaveTextAsync("VAF in metastasis, 2024-06-01 (to)");
        await Expect(plot.Locator(".timeline-sample-name").Last).ToHaveTextAsync("To (y): metastasis, Liver structure, Specimen from liver, 2024-06-01");
        await Expect(plot.Locator(".timeline-label")).ToHaveTextAsync("erlotinib: 2023-02-10 to 2024-04-01");
        await Expect(plot).Not.ToContainTextAsync(patientId);
        await Expect(page.Locator("#evaluation-state")).ToHaveTextAsync("Pending review");

        // Keyboard only: the skip link comes first, then the review form is operated with Tab and Enter.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        var comment = page.GetByLabel("Comment on osimertinib for EGFR T790M").First;
        await comment.FocusAsync();
        await page.Keyboard.TypeAsync("Start osimertinib.");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept osimertinib for EGFR T790M" }).First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Review recorded: accepted.");
        var reviewed = page.Locator("tr.therapy", new() { Has = page.GetByText("accepted") });
        await Expect(reviewed.First).ToContainTextAsync("osimertinib");
        await Expect(reviewed.First).ToContainTextAsync("by dr-a");

        await page.GetByLabel("Sign-off comment (e.g. the board meeting)").FillAsync("MTB 2026-12-03");
        // Only osimertinib was reviewed: signing off says so explicitly (recorded with the sign-off).
        await page.GetByLabel(new Regex("Sign off although")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign off this evaluation" }).ClickAsync();

        await Expect(page.Locator("#sign-off-state")).ToContainTextAsync("Signed off by dr-a");
        await Expect(page.Locator("#evaluation-state")).ToContainTextAsync("Signed off by dr-a");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept osimertinib for EGFR T790M" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#audit tr.audit-sign-off")).ToContainTextAsync("dr-a");
        await Expect(page.Locator("#audit tr.audit-review")).ToContainTextAsync("dr-a");
        Assert.DoesNotContain(requested, url => url.Contains(Mrn, StringComparison.OrdinalIgnoreCase));

        // The API sees the same sign-off: the pages write through the API's own handlers.
        using var api = board.Server.ApiClient("dr-b", "board");
        var evaluation = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/patients/{patientId}/recommendations", UriKind.Relative))).RootElement;
        Assert.Equal("dr-a", evaluation.GetProperty("signOff").GetProperty("actor").GetString());
        Assert.Contains(evaluation.GetProperty("therapies").EnumerateArray(), t =>
            t.GetProperty("drugs")[0].GetString() == "osimertinib" && t.GetProperty("review").GetProperty("decision").GetString() == "accepted");

        await Screenshots.SaveAsync(page, "patient-page.png", print: false);
        await Screenshots.SaveAsync(page, "patient-page-print.png", print: true);

        // The print stylesheet gives the board a one-page A4 summary.
        var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new() { Format = "A4", PrintBackground = true }));
        Assert.Equal(1, Regex.Count(pdf, @"/Type\s*/Page[^s]"));
    }

    [Fact]
    public async Task The_patient_page_shows_the_history_and_the_progression_alert_has_no_WCAG_2_AA_violations_and_refuses_a_forged_form()
    {
        // Four plasma draws with ESR1 Y537S rising under letrozole (issue 17): the page shows the whole history.
        var bundle = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "breast-esr1-y537s-rising.json"));
        var ingested = JsonDocument.Parse(await board.Server.IngestBundleAsync(bundle)).RootElement;
        var patientId = ingested.GetProperty("patientId").GetString()!;
        var page = await board.Browser.NewSessionAsync();
        await page.SignInAsync("dr-a", "board");
        await page.GotoAsync($"/board/patients/{patientId}");

        await Expect(page.Locator("#molecular-progression li")).ToHaveCountAsync(4);
        await Expect(page.Locator("#molecular-progression li").Last).ToContainTextAsync("ESR1 Y537S rose: 0.025 (2022-10-01) → 0.05 (2022-12-01) under letrozole");
        var matrix = page.Locator("#evolution .evolution-plot svg");
        await Expect(matrix.Locator(".sample-role")).ToHaveTextAsync(["primary", "ctDNA", "ctDNA", "ctDNA", "ctDNA"]);
        await Expect(matrix.Locator(".row[data-key='ESR1 Y537S']")).ToHaveAttributeAsync("data-class", "emergent");
        var trajectory = page.Locator("#evolution .trajectory-plot svg");
        await Expect(trajectory.Locator(".therapy-band")).ToHaveAttributeAsync("data-drugs", "letrozole + palbociclib");
        await Expect(trajectory.Locator(".progression-point[data-key='ESR1 Y537S']")).ToHaveCountAsync(4);

        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length}) {v.Nodes.FirstOrDefault()?.Html}")));

        // The signed-in browser's cookie, but no anti-forgery token: refused, and nothing is recorded.
        var evaluationId = await page.Locator("input[name=evaluationId]").GetAttributeAsync("value");
        var forged = await page.Context.APIRequest.PostAsync($"/board/patients/{patientId}?handler=SignOff", new()
        {
            Form = page.Context.APIRequest.CreateFormData().Set("evaluationId", evaluationId!).Set("comment", "forged"),
        });
        Assert.Equal(400, forged.Status);
        // Nor does the page session open the API: /api keeps bearer tokens only.
        var api = await page.Context.APIRequest.GetAsync($"/api/patients/{patientId}");
        Assert.Equal(401, api.Status);
        await page.ReloadAsync();
        await Expect(page.Locator("#evaluation-state")).ToHaveTextAsync("Pending review");
        await Expect(page.Locator("#audit")).Not.ToContainTextAsync("sign-off");
    }

    [Fact]
    public async Task Signing_in_as_an_ingest_integration_does_not_open_the_board_pages()
    {
        var page = await board.Browser.NewSessionAsync();
        await page.GotoAsync("/board/sign-in");

        // The sign-in page offers only the roles that may use the pages.
        await Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(3);
        await Expect(page.GetByLabel("ingest", new() { Exact = true })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/board/trials");
        Assert.Matches(new Regex("/board/sign-in\\?ReturnUrl=%2Fboard%2Ftrials$"), response!.Url);
    }
}
