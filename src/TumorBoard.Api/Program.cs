using TumorBoard.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddTumorBoard();

var app = builder.Build();
await app.UseTumorBoardAsync();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
