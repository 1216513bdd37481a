namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// Log format: one JSON object per line outside Development (what log collectors in a cluster parse
/// without regexes), plain text in Development. <c>Logging:Format</c> (<c>json</c> or <c>simple</c>) overrides.
/// </summary>
public static class LoggingSetup
{
    public static void Configure(ILoggingBuilder logging, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var format = configuration["Logging:Format"] ?? (environment.IsDevelopment() ? "simple" : "json");
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
    }
}
