using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// The service's own trace source and meter (both named <c>TumorBoard</c>), exported with ASP.NET Core's,
/// HttpClient's and Npgsql's when OpenTelemetry is configured. Tags carry codes and counts only: never a
/// patient identifier, name, MRN or accession.
/// </summary>
public static class TumorBoardTelemetry
{
    public const string Name = "TumorBoard";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}
