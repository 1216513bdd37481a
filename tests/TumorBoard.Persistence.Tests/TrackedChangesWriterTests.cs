using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Writing;
using TumorBoard.TestSupport;
using static TumorBoard.Persistence.Tests.ColumnComparison;
using static TumorBoard.Persistence.Tests.PatientGraphs;

namespace TumorBoard.Persistence.Tests;

/// <summary>
/// The ingestion's writer of tracked changes (issue 12, session 5) writes what SaveChanges would: the same rows, column for
/// column (UTC conversion of timestamps, json and jsonb, arrays, numerics), identity keys read back, updates of the changed
/// columns only, deletions, a missing row as a concurrency failure, and nothing at all when one statement fails.
/// </summary>
public sealed class TrackedChangesWriterTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_patient_graph_written_in_one_batch_reads_back_exactly_as_the_same_graph_saved_by_ef()
    {
        var byWriter = Graph("writer");
        var byEf = Graph("ef");
        await WriteBothAsync(byWriter, byEf);

        await using var read = database.NewContext();
        var written = await LoadAsync(read, byWriter.Patient.Id);
        var saved = await LoadAsync(read, byEf.Patient.Id);
        AssertSameColumns(read.Model, written.Patient, saved.Patient);
        AssertSameColumns(read.Model, written.Bundle, saved.Bundle);
        AssertSameColumns(read.Model, written.Report, saved.Report);
        AssertSameColumns(read.Model, written.Report.Specimen!, saved.Report.Specimen!);
        AssertSameColumns(read.Model, written.Evaluation, saved.Evaluation);
        foreach (var (w, s) in new (object, object)[]
        {
            (written.Patient.Identifiers.Single(), saved.Patient.Identifiers.Single()),
            (written.Patient.Conditions.Single(), saved.Patient.Conditions.Single()),
            (written.Patient.PriorTherapies.Single(), saved.Patient.PriorTherapies.Single()),
            (written.Patient.ClinicalMarkers.Single(), saved.Patient.ClinicalMarkers.Single()),
            (written.Patient.DiseaseStatuses.Single(), saved.Patient.DiseaseStatuses.Single()),
            (written.Report.Alterations.Single(), saved.Report.Alterations.Single()),
            (written.Recommendation, saved.Recommendation),
            (written.Latest, saved.Latest),
        })
        {
            AssertSameColumns(read.Model, w, s);
        }

        // The values themselves, not only their agreement: UTC timestamps, the array and the numeric scale.
        Assert.Equal(TimeSpan.Zero, written.Patient.CreatedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero), written.Patient.CreatedAt);
        Assert.Equal(["osimertinib", "carboplatin"], written.Patient.PriorTherapies.Single().Drugs);
        Assert.Equal(0.12346m, written.Report.Alterations.Single().Vaf);
        Assert.Equal([byWriter.Report.Id], written.Evaluation.ReportIds);
    }

    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(7, new[] { 4, 2, 1 })]
    [InlineData(32, new[] { 32 })]
    [InlineData(37, new[] { 32, 4, 1 })]
    [InlineData(100, new[] { 32, 32, 32, 4 })]
    public void A_table_s_rows_go_in_inserts_of_powers_of_two_at_most_thirty_two_rows(int rows, int[] expected)
    {
        Assert.Equal(expected, TableMap.ChunkSizes(rows));
    }

    [Fact]
    public async Task Thirty_seven_alterations_in_multi_row_inserts_read_back_as_the_same_rows_saved_by_ef()
    {
        var byWriter = WithAlterations(Graph("writer-many"), 37);
        var byEf = WithAlterations(Graph("ef-many"), 37);
        await WriteBothAsync(byWriter, byEf);

        await using var read = database.NewContext();
        var written = await read.Alterations.AsNoTracking().Where(a => a.ReportId == byWriter.Report.Id).OrderBy(a => a.Ordinal).ToListAsync();
        var saved = await read.Alterations.AsNoTracking().Where(a => a.ReportId == byEf.Report.Id).OrderBy(a => a.Ordinal).ToListAsync();
        Assert.Equal(37, written.Count);
        Assert.Equal(byWriter.Report.Alterations.OrderBy(a => a.Ordinal).Select(a => a.Id), written.Select(a => a.Id));
        foreach (var (w, s) in written.Zip(saved))
        {
            // Every column of every row in its own place: a parameter numbered one row off would move values between rows.
            AssertSameColumns(read.Model, w, s);
        }
    }

    [Fact]
    public async Task Identity_keys_are_read_back_and_every_change_is_accepted()
    {
        await using var db = database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var first = Audit("first");
        var second = Audit("second");
        db.AuditEvents.AddRange(first, second);

        await TrackedChangesWriter.SaveAsync(db, CancellationToken.None);
        await transaction.CommitAsync();

        Assert.True(first.Id > 0);
        Assert.Equal(first.Id + 1, second.Id);
        Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        await using var read = database.NewContext();
        Assert.Equal("second", (await read.AuditEvents.SingleAsync(a => a.Id == second.Id)).Action);
    }

    [Fact]
    public async Task A_modified_row_is_updated_and_a_deleted_one_is_removed()
    {
        var graph = Graph("change");
        await using (var seed = database.NewContext())
        {
            Add(seed, graph);
            await seed.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var patient = await db.Patients.Include(p => p.Conditions).SingleAsync(p => p.Id == graph.Patient.Id);
            patient.TumorName = "Lung adenocarcinoma, changed";
            patient.Conditions.Clear();
            db.Alterations.Remove(await db.Alterations.SingleAsync(a => a.PatientId == patient.Id));

            Assert.Equal(3, await TrackedChangesWriter.SaveAsync(db, CancellationToken.None));
            await transaction.CommitAsync();
        }

        await using var read = database.NewContext();
        var stored = await read.Patients.AsNoTracking().Include(p => p.Conditions).SingleAsync(p => p.Id == graph.Patient.Id);
        Assert.Equal("Lung adenocarcinoma, changed", stored.TumorName);
        Assert.Equal(graph.Patient.Sex, stored.Sex);
        Assert.Empty(stored.Conditions);
        Assert.False(await read.Alterations.AnyAsync(a => a.PatientId == graph.Patient.Id));
    }

    [Fact]
    public async Task An_update_of_a_row_deleted_meanwhile_is_a_concurrency_failure()
    {
        var graph = Graph("gone");
        await using (var seed = database.NewContext())
        {
            Add(seed, graph);
            await seed.SaveChangesAsync();
        }

        await using var db = database.NewContext();
        var condition = await db.Conditions.SingleAsync(c => c.PatientId == graph.Patient.Id);
        await using (var other = database.NewContext())
        {
            await other.Conditions.Where(c => c.Id == condition.Id).ExecuteDeleteAsync();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        condition.Display = "changed";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => TrackedChangesWriter.SaveAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task When_one_statement_fails_nothing_of_the_batch_is_stored()
    {
        var graph = Graph("failing");
        await using var db = database.NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Add(db, graph);
            // Two identifiers with the same system and value: the second INSERT violates the unique index.
            db.PatientIdentifiers.Add(new PatientIdentifierEntity { PatientId = graph.Patient.Id, System = "urn:test:mrn", Value = "MRN-failing" });

            var error = await Assert.ThrowsAsync<PostgresException>(() => TrackedChangesWriter.SaveAsync(db, CancellationToken.None));
            Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        }

        await using var read = database.NewContext();
        Assert.False(await read.Patients.AnyAsync());
        Assert.False(await read.Reports.AnyAsync());
        Assert.False(await read.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task Without_an_open_transaction_the_writer_refuses_to_write()
    {
        await using var db = database.NewContext();
        db.AuditEvents.Add(Audit("no transaction"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => TrackedChangesWriter.SaveAsync(db, CancellationToken.None));
        await using var read = database.NewContext();
        Assert.False(await read.AuditEvents.AnyAsync());
    }

    /// <summary>One graph written by the writer in one batch (every row counted), the other saved by EF.</summary>
    private async Task WriteBothAsync(PatientGraph byWriter, PatientGraph byEf)
    {
        await using (var db = database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Add(db, byWriter);
            Assert.Equal(CountRows(byWriter), await TrackedChangesWriter.SaveAsync(db, CancellationToken.None));
            await transaction.CommitAsync();
        }

        await using (var db = database.NewContext())
        {
            Add(db, byEf);
            await db.SaveChangesAsync();
        }
    }
}
