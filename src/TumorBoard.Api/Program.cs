using TumorBoard.Api;
using TumorBoard.Api.Features.Demo;
using TumorBoard.Api.Features.Operations;

if (await OperationsCommands.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddTumorBoard();

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
