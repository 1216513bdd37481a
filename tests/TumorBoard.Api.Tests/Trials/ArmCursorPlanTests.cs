using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Persistence;
using TumorBoard.TestSupport;

namespace TumorBoard.Api.Tests.Trials;

/// <summary>
/// The plan of the SQL the arm list endpoint itself sends for a cursor page, captured from EF (not written by hand)
/// and run again under EXPLAIN against 3,000 patients listed on one arm: an index scan that starts at the cursor,
/// with no OFFSET and no sort.
/// </summary>
public sealed class ArmCursorPlanTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Seed = """
        INSERT INTO patients (id, created_at, updated_at)
            SELECT ('00000000-0000-0000-0000-' || lpad(to_hex(g), 12, '0'))::uuid, now(), now() FROM generate_series(1, 3000) g;
        INSERT INTO evaluations (id, patient_id, evaluated_at, knowledge_base_version, knowledge_base_hash, trials_version, trials_hash, report_ids, trigger, document)
            SELECT id, id, now(), '1', 'kb', '1', 'trials', '{}', 'test', '{}' FROM patients;
        INSERT INTO recommendations (id, evaluation_id, patient_id, kind, trial_id, arm_id, status, payload)
            SELECT r.id, r.evaluation_id, r.patient_id, 'trial', 'NCI-MATCH', r.arm_id, 'potential',
                   jsonb_build_object('recommendationId', r.id, 'trialId', 'NCI-MATCH', 'nctId', 'NCT02465060', 'armId', r.arm_id, 'armTitle', 'arm',
                                      'drugs', '[]'::jsonb, 'status', 'potential', 'armStatus', 'closed', 'criteria', '[]'::jsonb)
            FROM (SELECT gen_random_uuid() AS id, e.id AS evaluation_id, e.patient_id, arm AS arm_id
                  FROM evaluations e, unnest(ARRAY['A', 'B', 'C1', 'C2', 'E', 'F', 'G', 'H', 'I', 'J']) arm) r;
        INSERT INTO latest_trial_recommendations (recommendation_id, patient_id, trial_id, arm_id, status, arm_status)
            SELECT id, patient_id, trial_id, arm_id, status, 'closed' FROM recommendations;
        ANALYZE;
        """;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand(Seed, connection);
        await seed.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_cursor_page_is_read_from_the_arm_index_starting_at_the_cursor_with_no_offset_and_no_sort()
    {
        var capture = new CommandCapture();
        await using var app = new CapturingApp(database.ConnectionString, capture);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Services.GetRequiredService<TokenIssuer>().Issue("coordinator-1", [Roles.Trials]));
        var first = JsonDocument.Parse(await client.GetStringAsync("/api/trials/NCI-MATCH/arms/E/patients?pageSize=50")).RootElement;
        var cursor = first.GetProperty("nextCursor").GetString()!;

        capture.Clear();
        var page = JsonDocument.Parse(await client.GetStringAsync($"/api/trials/NCI-MATCH/arms/E/patients?pageSize=50&cursor={Uri.EscapeDataString(cursor)}")).RootElement;
        var keyset = Assert.Single(capture.Commands, c => c.Text.Contains("patient_id >", StringComparison.Ordinal));
        var plan = await ExplainAsync(keyset);

        Assert.Equal(50, page.GetProperty("items").GetArrayLength());
        Assert.Equal(3000, page.GetProperty("total").GetInt32());
        Assert.DoesNotContain("OFFSET", keyset.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(capture.Commands, c => c.Text.Contains("count(*)", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Index Only Scan using ix_latest_trial_recommendations_trial_id_arm_id_patient_id", plan, StringComparison.Ordinal);
        Assert.Contains("Index Cond: ((trial_id = ", plan, StringComparison.Ordinal);
        Assert.Contains("(patient_id > ", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
    }

    private async Task<string> ExplainAsync(CapturedCommand command)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand("EXPLAIN " + command.Text, connection);
        explain.Parameters.AddRange(command.Parameters.ToArray());
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters);

    /// <summary>Every command the service's DbContext sends, with its parameters, to run again under EXPLAIN.</summary>
    private sealed class CommandCapture : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<CapturedCommand> _commands = new();

        public IReadOnlyList<CapturedCommand> Commands => [.. _commands];

        public void Clear() => _commands.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command is NpgsqlCommand npgsql)
            {
                _commands.Enqueue(new CapturedCommand(npgsql.CommandText, npgsql.Parameters.Select(p => p.Clone()).ToList()));
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class CapturingApp(string connectionString, CommandCapture capture) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:TumorBoard", connectionString);
            builder.UseSetting("Rematch:Enabled", "false");
            builder.UseSetting("Subscriptions:SenderEnabled", "false");
            builder.ConfigureTestServices(services => services.ConfigureDbContext<TumorBoardDbContext>(options => options.AddInterceptors(capture)));
        }
    }
}
