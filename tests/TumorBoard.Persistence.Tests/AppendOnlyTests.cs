using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Persistence.Entities;
using TumorBoard.TestSupport;

namespace TumorBoard.Persistence.Tests;

public sealed class AppendOnlyTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private TumorBoardDbContext NewContext() => database.NewContext();

    private async Task<long> InsertAuditEventAsync()
    {
        await using var db = NewContext();
        var audit = new AuditEventEntity { At = DateTimeOffset.UtcNow, Actor = "dr-a", Action = "patient.read", EntityType = "patient", EntityId = Guid.NewGuid().ToString() };
        db.AuditEvents.Add(audit);
        await db.SaveChangesAsync();
        return audit.Id;
    }

    [Theory]
    [InlineData("UPDATE audit_events SET actor = 'someone-else'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    public async Task The_database_refuses_to_rewrite_audit_history(string sql)
    {
        await InsertAuditEventAsync();
        await using var db = NewContext();

        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task A_stored_evaluation_cannot_be_changed()
    {
        await using var db = NewContext();
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
        db.AddRange(patient, evaluation);
        await db.SaveChangesAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE evaluations SET trigger = 'rewritten'"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }
}
