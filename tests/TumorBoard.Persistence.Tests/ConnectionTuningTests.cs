using Npgsql;

namespace TumorBoard.Persistence.Tests;

/// <summary>Prepared statements are on by default (issue 12, session 4) and an operator's own setting wins.</summary>
public sealed class ConnectionTuningTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_automatic_preparation()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSetup.Tuned("Host=db.example;Database=tumorboard;Username=app"));

        Assert.Equal(DatabaseSetup.AutoPreparedStatements, tuned.MaxAutoPrepare);
        Assert.Equal("db.example", tuned.Host);
        Assert.Equal("tumorboard", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db.example;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.example;MaxAutoPrepare=5", 5)]
    [InlineData("Host=db.example;max auto prepare=12", 12)]
    public void An_operators_own_setting_is_kept(string connectionString, int expected)
    {
        var tuned = DatabaseSetup.Tuned(connectionString);

        Assert.Equal(connectionString, tuned);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(tuned).MaxAutoPrepare);
    }
}
