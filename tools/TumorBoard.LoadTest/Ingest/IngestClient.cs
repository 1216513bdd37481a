using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace TumorBoard.LoadTest.Ingest;

/// <summary>One posted bundle: HTTP status (0 when the request failed outright) and latency.</summary>
public readonly record struct PostResult(int Status, double Milliseconds);

/// <summary>Posts bundles to a running service with a fixed number of concurrent keep-alive clients.</summary>
public sealed class IngestClient : IDisposable
{
    private static readonly string[] IngestRole = ["ingest"];
    private readonly HttpClient _http;

    public IngestClient(Uri baseAddress, int clients)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>A token from the Development-only route, as the README's walkthrough gets one.</summary>
    public async Task AuthenticateAsync()
    {
        using var response = await _http.PostAsJsonAsync("/auth/dev-token", new { subject = "load-test", roles = IngestRole });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>() ?? throw new InvalidOperationException("No token in the answer.");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    /// <summary>
    /// Posts <paramref name="count"/> bundles, or as many as fit before <paramref name="until"/> when given,
    /// <paramref name="clients"/> at a time; returns each result and the wall time.
    /// </summary>
    public async Task<(List<PostResult> Results, TimeSpan Elapsed)> PostAsync(BundleSource bundles, int clients, int count, TimeSpan? until = null)
    {
        var results = new List<PostResult>[clients];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async worker =>
        {
            var mine = results[worker] = [];
            while (until is { } limit ? clock.Elapsed < limit : Interlocked.Increment(ref next) < count)
            {
                mine.Add(await PostAsync(bundles.Next()));
            }
        });
        await Task.WhenAll(workers);
        return (results.SelectMany(r => r).ToList(), clock.Elapsed);
    }

    public void Dispose() => _http.Dispose();

    private async Task<PostResult> PostAsync(string bundle)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var content = new StringContent(bundle, MediaTypeHeaderValue.Parse("application/fhir+json"));
            using var response = await _http.PostAsync("/fhir/Bundle", content);
            await response.Content.ReadAsByteArrayAsync();
            return new PostResult((int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"request failed: {e.Message}");
            return new PostResult(0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Created by System.Text.Json from the token response.")]
    private sealed record TokenResponse(string AccessToken);

    /// <summary>201 Created is the only success: every bundle is new.</summary>
    public static bool IsExpected(PostResult result) => result.Status == (int)HttpStatusCode.Created;
}
