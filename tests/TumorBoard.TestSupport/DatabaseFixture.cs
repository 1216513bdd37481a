using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence;

namespace TumorBoard.TestSupport;

/// <summary>An xunit class fixture owning one fresh, migrated database for a test class, dropped when the class is done.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync() => ConnectionString = await TestPostgres.CreateDatabaseAsync();

    public Task DisposeAsync() => ConnectionString.Length == 0 ? Task.CompletedTask : TestPostgres.DropDatabaseAsync(ConnectionString);

    public Task ResetAsync() => TestPostgres.ResetAsync(ConnectionString);

    /// <summary>A DbContext on this fixture's database, configured exactly as the service configures it.</summary>
    public TumorBoardDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<TumorBoardDbContext>();
        DatabaseSetup.Configure(options, ConnectionString);
        return new TumorBoardDbContext(options.Options);
    }
}
