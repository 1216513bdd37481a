using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Persistence.Entities;
using TumorBoard.TestSupport;

namespace TumorBoard.Persistence.Tests;

/// <summary>
/// History tables refuse every rewrite in the database itself, whatever SQL the application role sends:
/// UPDATE, DELETE and TRUNCATE on evaluations, recommendations, reviews, sign_offs and audit_events (recommendations since
/// their latest rows moved to latest_trial_recommendations: nothing rewrites one any more).
/// </summary>
public sealed class AppendOnlyTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> Rewrites => new()
    {
        { "evaluations", "UPDATE evaluations SET trigger = 'rewritten'" },
        { "evaluations", "DELETE FROM evaluations" },
        // CASCADE: recommendations reference evaluations, and without it the foreign key, not the trigger, would refuse.
        { "evaluations", "TRUNCATE evaluations CASCADE" },
        { "recommendations", "UPDATE recommendations SET status = 'rewritten'" },
        { "recommendations", "DELETE FROM recommendations" },
        // CASCADE: reviews reference recommendations.
        { "recommendations", "TRUNCATE recommendations CASCADE" },
        { "reviews", "UPDATE reviews SET decision = 'rejected'" },
        { "reviews", "DELETE FROM reviews" },
        { "reviews", "TRUNCATE reviews" },
        { "sign_offs", "UPDATE sign_offs SET actor = 'someone-else'" },
        { "sign_offs", "DELETE FROM sign_offs" },
        { "sign_offs", "TRUNCATE sign_offs" },
        { "audit_events", "UPDATE audit_events SET actor = 'someone-else'" },
        { "audit_events", "DELETE FROM audit_events" },
        { "audit_events", "TRUNCATE audit_events" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public async Task The_database_refuses_to_rewrite_history(string table, string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        await SeedOneRowOfEachHistoryTableAsync();
        await using var db = database.NewContext();

        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal($"table {table} is append-only: {sql.Split(' ')[0]} is not allowed", error.MessageText);
        Assert.Equal(1, await CountAsync(db, table));
    }

    [Fact]
    public async Task New_rows_are_still_appended()
    {
        await SeedOneRowOfEachHistoryTableAsync();
        await using var db = database.NewContext();

        db.AuditEvents.Add(AuditEvent());
        await db.SaveChangesAsync();

        Assert.Equal(2, await db.AuditEvents.CountAsync());
    }

    private async Task SeedOneRowOfEachHistoryTableAsync()
    {
        await using var db = database.NewContext();
        var patient = new PatientEntity { Id = Guid.NewGuid() };
        var evaluation = new EvaluationEntity
        {
            Id = Guid.NewGuid(),
            PatientId = patient.Id,
            KnowledgeBaseVersion = "1",
            KnowledgeBaseHash = "h",
            Trigger = "test",
            Document = "{}",
        };
        var recommendation = new RecommendationEntity
        {
            Id = Guid.NewGuid(),
            EvaluationId = evaluation.Id,
            PatientId = patient.Id,
            Kind = "therapy",
            Payload = "{}",
        };
        var review = new ReviewEntity
        {
            Id = Guid.NewGuid(),
            RecommendationId = recommendation.Id,
            EvaluationId = evaluation.Id,
            Decision = "accepted",
            Reviewer = "dr-a",
            At = DateTimeOffset.UtcNow,
        };
        var signOff = new SignOffEntity { EvaluationId = evaluation.Id, Actor = "dr-a", At = DateTimeOffset.UtcNow };
        db.AddRange(patient, evaluation, recommendation, review, signOff, AuditEvent());
        await db.SaveChangesAsync();
    }

    private static AuditEventEntity AuditEvent() =>
        new() { At = DateTimeOffset.UtcNow, Actor = "dr-a", Action = "read", EntityType = "patient", EntityId = Guid.NewGuid().ToString() };

    private static async Task<long> CountAsync(TumorBoardDbContext db, string table)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        await db.Database.OpenConnectionAsync();
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
