using System.Net;
using System.Text.Json;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Trials;

/// <summary>Arm lists paged by an opaque cursor (keyset) give the same patients, in the same order, as page numbers.</summary>
public sealed class ArmCursorPagingTests(TumorBoardApp app) : ApiTest(app)
{
    private HttpClient Coordinator => App.CreateClient("coordinator-1", Roles.Trials);

    [Fact]
    public async Task Following_next_cursors_walks_the_same_patients_in_the_same_order_as_page_numbers_and_ends_with_no_cursor()
    {
        foreach (var mrn in new[] { "MRN-CUR-1", "MRN-CUR-2", "MRN-CUR-3", "MRN-CUR-4", "MRN-CUR-5" })
        {
            await IngestAsync(SquamousPik3ca(mrn));
        }

        var byPage = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            byPage.AddRange(Ids(await GetAsync<JsonElement>(Coordinator, $"/api/trials/Lung-MAP/arms/S1400B/patients?page={page}&pageSize=2")));
        }

        var byCursor = new List<Guid>();
        var pages = new List<JsonElement>();
        var next = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients?pageSize=2");
        pages.Add(next);
        byCursor.AddRange(Ids(next));
        while (next.GetProperty("nextCursor").GetString() is { } cursor)
        {
            next = await GetAsync<JsonElement>(Coordinator, $"/api/trials/Lung-MAP/arms/S1400B/patients?pageSize=2&cursor={Uri.EscapeDataString(cursor)}");
            pages.Add(next);
            byCursor.AddRange(Ids(next));
        }

        Assert.Equal(5, byPage.Count);
        Assert.Equal(byPage, byCursor);
        Assert.Equal([1, 2, 3], pages.Select(p => p.GetProperty("page").GetInt32()));
        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("total").GetInt32()));
        Assert.Equal(JsonValueKind.Null, pages[^1].GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Page_numbers_past_the_middle_of_a_list_read_from_its_end_give_the_patients_a_walk_from_the_start_gives()
    {
        for (var i = 1; i <= 7; i++)
        {
            await IngestAsync(SquamousPik3ca($"MRN-END-{i}"));
        }

        var walk = new List<Guid>();
        var next = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients?pageSize=1");
        walk.AddRange(Ids(next));
        while (next.GetProperty("nextCursor").GetString() is { } cursor)
        {
            next = await GetAsync<JsonElement>(Coordinator, $"/api/trials/Lung-MAP/arms/S1400B/patients?pageSize=1&cursor={Uri.EscapeDataString(cursor)}");
            walk.AddRange(Ids(next));
        }

        // Pages 3 and 4 of 2 (positions 4-5 and 6) start past the middle of the 7: they are read from the end.
        var pages = new List<JsonElement>();
        for (var page = 1; page <= 5; page++)
        {
            pages.Add(await GetAsync<JsonElement>(Coordinator, $"/api/trials/Lung-MAP/arms/S1400B/patients?page={page}&pageSize=2"));
        }

        Assert.Equal(7, walk.Count);
        Assert.Equal(walk.Chunk(2).Select(c => c.ToList()).Append([]), pages.Select(Ids));
        Assert.Equal([true, true, true, false, false], pages.Select(p => p.GetProperty("nextCursor").ValueKind == JsonValueKind.String));
        var fromPageThree = Uri.EscapeDataString(pages[2].GetProperty("nextCursor").GetString()!);
        Assert.Equal(walk[6..], Ids(await GetAsync<JsonElement>(Coordinator, $"/api/trials/Lung-MAP/arms/S1400B/patients?pageSize=2&cursor={fromPageThree}")));
    }

    [Fact]
    public async Task A_cursor_that_was_not_issued_for_this_list_or_one_given_with_a_page_is_a_400_problem()
    {
        await IngestAsync(SquamousPik3ca("MRN-CUR-A"));
        await IngestAsync(SquamousPik3ca("MRN-CUR-B"));
        var first = await GetAsync<JsonElement>(Coordinator, "/api/trials/Lung-MAP/arms/S1400B/patients?pageSize=1");
        var cursor = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);

        foreach (var url in new[]
        {
            "/api/trials/Lung-MAP/arms/S1400B/patients?cursor=not-a-cursor",
            "/api/trials/Lung-MAP/arms/S1400B/patients?cursor=%21%21",
            $"/api/trials/Lung-MAP/arms/S1400B/patients?status=eligible&cursor={cursor}",
            $"/api/trials/Lung-MAP/arms/S1800A/patients?cursor={cursor}",
            $"/api/trials/Lung-MAP/arms/S1400B/patients?page=2&cursor={cursor}",
        })
        {
            var response = await Coordinator.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("patientId").GetGuid()).ToList();

    private static string SquamousPik3ca(string mrn) =>
        Cases.Patient(mrn, "LUSC", "Lung Squamous Cell Carcinoma", TestSite.Lung)
            .Therapy("carboplatin", Cases.Diagnosis.AddMonths(1), Cases.Diagnosis.AddMonths(5))
            .Report(new TestReport($"ACC-{mrn}", TestSite.Lung, Cases.Diagnosis, [new TestVariant("PIK3CA", "p.Glu545Lys", null, 0.25m)]))
            .ToJson();
}
