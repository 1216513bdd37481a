using Npgsql;

namespace TumorBoard.Api.Tests.Infrastructure;

/// <summary>The number of rows in every application table, in one round trip: "nothing left behind" checks.</summary>
public sealed class AllRows
{
    private readonly string _connectionString;
    private readonly string _sql;

    private AllRows(string connectionString, string sql)
    {
        _connectionString = connectionString;
        _sql = sql;
    }

    /// <summary>Lists the tables once (every table in <c>public</c> except EF's migrations history).</summary>
    public static async Task<AllRows> OfAsync(TumorBoardApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var list = new NpgsqlCommand(
            "SELECT string_agg(format('(SELECT count(*) FROM %I.%I)', schemaname, tablename), ' + ' ORDER BY tablename) " +
            "FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__ef_migrations_history'",
            connection);
        var sum = (string)(await list.ExecuteScalarAsync())!;
        return new AllRows(app.ConnectionString, "SELECT " + sum);
    }

    public async Task<long> CountAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(_sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
