namespace TumorBoard.Api.Features.Operations;

/// <summary>
/// Commands of the service binary that do one operational thing and exit instead of serving:
/// <c>migrate</c> (a release Job applies the schema once) and <c>healthcheck</c> (the container image's
/// health check: the runtime image has no shell or curl).
/// </summary>
public static class OperationsCommands
{
    /// <summary>Runs the command named by the first argument, or returns null when the arguments name none.</summary>
    public static async Task<int?> TryRunAsync(string[] args) => args.FirstOrDefault() switch
    {
        MigrateCommand.Name => await MigrateCommand.RunAsync(args),
        HealthCheckCommand.Name => await HealthCheckCommand.RunAsync(args),
        _ => null,
    };
}
