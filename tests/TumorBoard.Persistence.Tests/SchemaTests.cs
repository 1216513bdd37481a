using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Core.Alterations;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Mapping;
using TumorBoard.TestSupport;

namespace TumorBoard.Persistence.Tests;

public sealed class SchemaTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private TumorBoardDbContext NewContext() => database.NewContext();

    [Fact]
    public async Task Committed_migrations_match_the_model()
    {
        await using var db = NewContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task An_alteration_round_trips_through_its_row_without_loss()
    {
        var alteration = new Alteration
        {
            Key = "EGFR E746_A750del",
            Gene = "EGFR",
            Kind = AlterationKind.Indel,
            Protein = new ProteinChange("E746_A750del", ProteinChangeKind.InframeDeletion, 'E', 746, 'A', 750, null),
            CodingChange = "c.2235_2249del",
            Transcript = "NM_005228.4",
            Vaf = 0.31m,
            Origin = VariantOrigin.Somatic,
            Description = "EGFR exon 19 deletion",
        };
        await using (var db = NewContext())
        {
            var patient = new PatientEntity { Id = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            var bundle = new IngestedBundleEntity { Id = Guid.NewGuid(), PatientId = patient.Id, ContentType = "application/fhir+json", Sha256 = "x", RawBody = "{}" };
            var report = new ReportEntity
            {
                Id = Guid.NewGuid(),
                PatientId = patient.Id,
                BundleId = bundle.Id,
                IdentifierSystem = "urn:lab",
                IdentifierValue = "R1",
                Status = "final",
                ContentHash = "h",
                FhirJson = "{}",
            };
            report.Alterations.Add(AlterationMapper.ToEntity(alteration, report.Id, patient.Id, 0));
            db.AddRange(patient, bundle, report);
            await db.SaveChangesAsync();
        }

        await using var read = NewContext();
        var stored = AlterationMapper.ToDomain(await read.Alterations.SingleAsync());

        Assert.Equal(alteration, stored);
    }

    [Fact]
    public async Task A_patient_identifier_cannot_belong_to_two_patients()
    {
        await using var db = NewContext();
        var first = new PatientEntity { Id = Guid.NewGuid() };
        var second = new PatientEntity { Id = Guid.NewGuid() };
        first.Identifiers.Add(new PatientIdentifierEntity { Id = Guid.NewGuid(), PatientId = first.Id, System = "urn:mrn", Value = "1" });
        second.Identifiers.Add(new PatientIdentifierEntity { Id = Guid.NewGuid(), PatientId = second.Id, System = "urn:mrn", Value = "1" });
        db.AddRange(first, second);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
    }

    [Fact]
    public async Task Stored_fhir_text_and_documents_are_compressed_with_lz4()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname || '.' || a.attname, a.attcompression::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = 'public'::regnamespace AND (c.relname, a.attname) IN
                (('ingested_bundles', 'raw_body'), ('reports', 'fhir_json'), ('report_versions', 'fhir_json'), ('trial_versions', 'document'),
                 ('outbox_messages', 'body'), ('evaluations', 'document'), ('recommendations', 'payload'))
            """, connection);
        var compression = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                compression[reader.GetString(0)] = reader.GetString(1);
            }
        }

        // 'l' is lz4 (pg_attribute.attcompression); the servers the project provisions are built with it.
        Assert.Equal(7, compression.Count);
        Assert.All(compression, column => Assert.Equal("l", column.Value));
    }
}
