namespace TumorBoard.Api.Features.Operations;

/// <summary>
/// <c>TumorBoard.Api healthcheck [url]</c>: GETs the liveness endpoint of the service running in this
/// container (default <c>http://127.0.0.1:8080/health/live</c>) and exits 0 when it answers 200.
/// The chiselled runtime image has no shell or curl, so the image's HEALTHCHECK runs this.
/// </summary>
public static class HealthCheckCommand
{
    public const string Name = "healthcheck";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var port = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';', ',')[0] ?? "8080";
        var url = args.Length > 1 ? args[1] : $"http://127.0.0.1:{port}/health/live";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {url}: {e.Message}");
            return 1;
        }
    }
}
