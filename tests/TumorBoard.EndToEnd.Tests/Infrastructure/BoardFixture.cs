namespace TumorBoard.EndToEnd.Tests.Infrastructure;

/// <summary>One service and one browser for all browser tests (starting chromium is the slow part); each test resets the database.</summary>
public sealed class BoardFixture : IAsyncLifetime
{
    public BoardServer Server { get; } = new();

    public Browser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        Browser = await Browser.LaunchAsync(Server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        await ((IAsyncLifetime)Server).DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BoardCollection : ICollectionFixture<BoardFixture>
{
    public const string Name = "board";
}
