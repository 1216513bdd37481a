using TumorBoard.Api;
using TumorBoard.Api.Features.Demo;
using TumorBoard.Api.Features.Operations;
using TumorBoard.Api.Infrastructure;

if (await OperationsCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddTumorBoard();
}
catch (StartupRefusedException refused)
{
    // One clear line saying what to set, not a stack trace.
    await Console.Error.WriteLineAsync($"TumorBoard refuses to start: {refused.Message}");
    return 1;
}

var app = builder.Build();
await app.UseTumorBoardAsync();
if (args.Contains(DemoSeeder.Command))
{
    return await DemoSeeder.RunAsync(app);
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
