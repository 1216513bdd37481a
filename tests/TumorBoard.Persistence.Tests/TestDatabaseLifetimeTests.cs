using Npgsql;
using TumorBoard.TestSupport;

namespace TumorBoard.Persistence.Tests;

/// <summary>Each test class's database is its own and is gone when the class is done, so runs leave no databases behind.</summary>
public sealed class TestDatabaseLifetimeTests
{
    [Fact]
    public async Task A_fixture_database_is_dropped_when_the_fixture_is_disposed_even_with_pooled_connections_open()
    {
        var fixture = new DatabaseFixture();
        await fixture.InitializeAsync();
        var name = new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Database!;
        await using (var db = fixture.NewContext())
        {
            Assert.True(await db.Database.CanConnectAsync());
        }

        Assert.True(await TestPostgres.DatabaseExistsAsync(name));

        await fixture.DisposeAsync();

        Assert.False(await TestPostgres.DatabaseExistsAsync(name));
    }
}
