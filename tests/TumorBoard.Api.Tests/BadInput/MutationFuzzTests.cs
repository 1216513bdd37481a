using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.TestSupport.Fuzzing;
using Xunit.Abstractions;

namespace TumorBoard.Api.Tests.BadInput;

/// <summary>
/// A bounded, seeded mutation fuzzer through the real HTTP pipeline: every primitive of every seed bundle
/// can be given the wrong JSON type, an empty string, null, a huge or negative number, a NaN-like string,
/// 10 kB of unicode, a deeply nested object, a duplicated key, or be removed. Whatever is posted, the
/// answer is 2xx, or 4xx with an OperationOutcome that leaves no row behind; never a 5xx.
/// <c>TUMORBOARD_FUZZ_SEED</c> and <c>TUMORBOARD_FUZZ_COUNT</c> replay or widen a run (<c>TUMORBOARD_FUZZ_SECONDS</c>
/// lifts the time cap).
/// </summary>
public sealed class MutationFuzzTests(TumorBoardApp app, ITestOutputHelper output) : ApiTest(app)
{
    private const int DefaultSeed = 20261203;
    private const int DefaultCount = 600;

    /// <summary>A safety cap for slow or crowded machines: the run stops early (and says so) rather than hold up CI.</summary>
    private const int DefaultSeconds = 50;

    [Fact]
    public async Task Every_mutated_bundle_is_answered_2xx_or_4xx_with_an_operation_outcome_and_a_4xx_stores_nothing()
    {
        var seed = Setting("TUMORBOARD_FUZZ_SEED", DefaultSeed);
        var count = Setting("TUMORBOARD_FUZZ_COUNT", DefaultCount);
        var cap = TimeSpan.FromSeconds(Setting("TUMORBOARD_FUZZ_SECONDS", DefaultSeconds));
        var seeds = FuzzSeeds.All();
        var rows = await AllRows.OfAsync(App);
        var client = Ingest;
        var before = await rows.CountAsync();
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var ran = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        foreach (var mutation in BundleMutator.Plan(seeds, seed, count, FuzzSeeds.MakeUnique))
        {
            if (clock.Elapsed > cap)
            {
                output.WriteLine($"Stopped at the {cap.TotalSeconds} s cap before the planned {count} variants.");
                break;
            }

            ran++;
            using var response = await client.PostAsync("/fhir/Bundle", FhirJson(mutation.Body));
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var after = await rows.CountAsync();
            if (Problem(status, response.Content.Headers.ContentType, await response.Content.ReadAsStringAsync(), after - before) is { } problem)
            {
                failures.Add($"{mutation}: {problem}");
            }

            before = after;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Mutation fuzzer: seed {seed}, {ran} variants run of {BundleMutator.Candidates(seeds)} possible from {seeds.Count} seed bundles in {clock.Elapsed.TotalSeconds:F1} s; answers {string.Join(", ", statuses.Select(s => $"{s.Key} x {s.Value}"))}."));
        Assert.True(ran >= Math.Min(count, seeds.Count), $"Only {ran} variants ran.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {ran} variants were mishandled (seed {seed}):\n" + string.Join('\n', failures.Take(25)));
    }

    /// <summary>What is wrong with an answer, or null when it is what the contract promises.</summary>
    private static string? Problem(int status, MediaTypeHeaderValue? contentType, string body, long newRows)
    {
        if (status is 200 or 201)
        {
            return null;
        }

        if (status is < 400 or >= 500)
        {
            return $"answered {status}: {Shorten(body)}";
        }

        if (contentType?.MediaType != "application/fhir+json" || !IsOperationOutcome(body))
        {
            return $"answered {status} without an OperationOutcome ({contentType}): {Shorten(body)}";
        }

        return newRows == 0 ? null : $"answered {status} but left {newRows} rows behind";
    }

    private static bool IsOperationOutcome(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.TryGetProperty("resourceType", out var type) && type.GetString() == "OperationOutcome"
                && root.TryGetProperty("issue", out var issues) && issues.GetArrayLength() > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
