namespace TumorBoard.TestSupport;

/// <summary>An xunit class fixture owning one fresh, migrated database for a test class.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync() => ConnectionString = await TestPostgres.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public Task ResetAsync() => TestPostgres.ResetAsync(ConnectionString);
}
