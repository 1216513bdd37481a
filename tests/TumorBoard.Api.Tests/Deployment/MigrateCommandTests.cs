using Npgsql;
using TumorBoard.Api.Features.Operations;
using TumorBoard.TestSupport;

namespace TumorBoard.Api.Tests.Deployment;

/// <summary>The release Job's command: <c>migrate</c> brings an empty database to the current schema and exits.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_brings_an_empty_database_to_the_current_schema_and_a_second_run_changes_nothing()
    {
        var template = await TestPostgres.CreateDatabaseAsync();
        var empty = "tb_migrate_" + Guid.NewGuid().ToString("N")[..10];
        await using (var admin = new NpgsqlConnection(template))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{empty}\" TEMPLATE template0", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(template) { Database = empty }.ConnectionString;
        string[] args = ["migrate", $"--ConnectionStrings:TumorBoard={connectionString}"];
        try
        {
            Assert.Equal(0, await OperationsCommands.TryRunAsync(args));
            var applied = await AppliedMigrationsAsync(connectionString);
            Assert.NotEmpty(applied);
            Assert.Equal(0, await OperationsCommands.TryRunAsync(args));
            Assert.Equal(applied, await AppliedMigrationsAsync(connectionString));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
            await TestPostgres.DropDatabaseAsync(template);
        }
    }

    [Fact]
    public async Task Migrate_without_a_connection_string_fails_instead_of_starting_a_local_cluster() =>
        Assert.Equal(2, await OperationsCommands.TryRunAsync(["migrate", "--ConnectionStrings:TumorBoard="]));

    [Fact]
    public async Task Arguments_that_name_no_command_start_the_service() =>
        Assert.Null(await OperationsCommands.TryRunAsync(["--urls=http://127.0.0.1:0"]));

    private static async Task<List<string>> AppliedMigrationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT migration_id FROM __ef_migrations_history ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
