using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Writing;
using TumorBoard.TestSupport;

namespace TumorBoard.Persistence.Tests;

/// <summary>
/// The ingestion's writer of tracked changes (issue 12, session 5) writes what SaveChanges would: the same rows, column for
/// column (UTC conversion of timestamps, json and jsonb, arrays, numerics), identity keys read back, updates of the changed
/// columns only, deletions, a missing row as a concurrency failure, and nothing at all when one statement fails.
/// </summary>
public sealed class TrackedChangesWriterTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan PlusTwo = TimeSpan.FromHours(2);

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

    private sealed record PatientGraph(PatientEntity Patient, IngestedBundleEntity Bundle, ReportEntity Report, EvaluationEntity Evaluation, RecommendationEntity Recommendation, AuditEventEntity Audit)
    {
        /// <summary>The recommendation's narrow latest row, as the ingestion adds it beside the recommendation.</summary>
        public LatestTrialRecommendationEntity Latest { get; init; } = new()
        {
            RecommendationId = Recommendation.Id,
            PatientId = Recommendation.PatientId,
            TrialId = Recommendation.TrialId!,
            ArmId = Recommendation.ArmId!,
            Status = Recommendation.Status!,
            ArmStatus = Recommendation.ArmStatus,
        };
    }

    private static PatientGraph Graph(string name)
    {
        var at = new DateTimeOffset(2026, 12, 3, 10, 0, 0, PlusTwo);
        var patient = new PatientEntity
        {
            Id = Guid.CreateVersion7(),
            CreatedAt = at,
            UpdatedAt = at.AddMinutes(1),
            Sex = "female",
            BirthDate = new DateOnly(1961, 4, 12),
            TumorOncotreeCode = "LUAD",
            TumorName = "Lung adenocarcinoma",
        };
        patient.Identifiers.Add(new PatientIdentifierEntity { PatientId = patient.Id, System = "urn:test:mrn", Value = "MRN-" + name });
        patient.Conditions.Add(new ConditionEntity { PatientId = patient.Id, Kind = "primary", System = "http://snomed.info/sct", Code = "254637007", Display = "NSCLC", BodySite = "lung", OncotreeCode = "LUAD" });
        patient.PriorTherapies.Add(new PriorTherapyEntity { PatientId = patient.Id, Drugs = ["osimertinib", "carboplatin"], Start = at.AddYears(-1), End = null, Source = "MedicationStatement/1" });
        patient.ClinicalMarkers.Add(new ClinicalMarkerEntity { PatientId = patient.Id, Marker = "pd-l1", Status = "positive", EffectiveAt = at.AddDays(-3), Source = "Observation/2", RecordedAt = at });
        patient.DiseaseStatuses.Add(new DiseaseStatusEntity { PatientId = patient.Id, Status = "progressing", EffectiveAt = null, Source = "Observation/3", RecordedAt = at });
        var bundle = new IngestedBundleEntity
        {
            Id = Guid.CreateVersion7(),
            PatientId = patient.Id,
            ReceivedAt = at,
            ContentType = "application/fhir+json",
            Sha256 = new string('a', 64),
            RawBody = "{\"resourceType\":\"Bundle\",\"note\":\"Ä ✓\"}",
            Actor = "tester",
            Warnings = ["one warning"],
        };
        var report = new ReportEntity
        {
            Id = Guid.CreateVersion7(),
            PatientId = patient.Id,
            BundleId = bundle.Id,
            IdentifierSystem = "urn:test:accession",
            IdentifierValue = "ACC-" + name,
            IdentifierIsDerived = true,
            Status = "final",
            IssuedAt = at.AddDays(-1),
            EffectiveAt = null,
            StoredAt = at,
            ContentHash = new string('b', 64),
            FhirJson = "{\"resourceType\":\"Bundle\"}",
            PanelGenes = ["EGFR", "KRAS"],
            LabAnnotationsJson = "[{\"text\":\"note\"}]",
            Warnings = [],
            Specimen = new SpecimenEntity { Id = Guid.CreateVersion7(), PatientId = patient.Id, FhirId = "s1", Role = "tumor", RoleReason = "stated", Type = "tissue", Site = "lung", CollectedAt = at.AddDays(-10), Purity = 0.654321m, PuritySource = "pathology" },
        };
        report.Alterations.Add(new AlterationEntity
        {
            Id = Guid.CreateVersion7(),
            ReportId = report.Id,
            PatientId = patient.Id,
            Ordinal = 0,
            Key = "EGFR:p.T790M",
            Gene = "EGFR",
            Kind = "snv",
            ProteinChange = "T790M",
            ProteinJson = "{\"text\":\"T790M\"}",
            CodingChange = "c.2369C>T",
            Transcript = "NM_005228.5",
            CopyNumber = 2.5m,
            CnaCall = null,
            FusionGenes = null,
            Value = null,
            Vaf = 0.12346m,
            Origin = "somatic",
            Description = null,
            Interpreted = true,
        });
        patient.Reports.Add(report);
        var evaluation = new EvaluationEntity
        {
            Id = Guid.CreateVersion7(),
            PatientId = patient.Id,
            EvaluatedAt = at,
            KnowledgeBaseVersion = "1.1.0",
            KnowledgeBaseHash = new string('c', 64),
            TrialsVersion = "2026-12",
            TrialsHash = new string('d', 64),
            ReportIds = [report.Id],
            Trigger = "ingestion",
            Document = "{\"therapies\":[]}",
        };
        var recommendation = new RecommendationEntity
        {
            Id = Guid.CreateVersion7(),
            EvaluationId = evaluation.Id,
            PatientId = patient.Id,
            Kind = "trial",
            TrialId = "NCT00000001",
            ArmId = "A",
            Status = "eligible",
            ArmStatus = "open",
            Payload = "{\"trialId\":\"NCT00000001\"}",
        };
        patient.LatestEvaluationId = evaluation.Id;
        return new PatientGraph(patient, bundle, report, evaluation, recommendation, Audit(name));
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

    /// <summary>The graph's report with this many alterations, each different in gene, change, VAF, fusion partners and flag.</summary>
    private static PatientGraph WithAlterations(PatientGraph graph, int count)
    {
        var report = graph.Report;
        var template = report.Alterations.Single();
        for (var ordinal = 1; ordinal < count; ordinal++)
        {
            report.Alterations.Add(new AlterationEntity
            {
                Id = Guid.CreateVersion7(),
                ReportId = report.Id,
                PatientId = graph.Patient.Id,
                Ordinal = ordinal,
                Key = $"GENE{ordinal}:p.A{ordinal}V",
                Gene = $"GENE{ordinal}",
                Kind = template.Kind,
                ProteinChange = $"A{ordinal}V",
                ProteinJson = $"{{\"text\":\"A{ordinal}V\"}}",
                Vaf = ordinal / 100m,
                Origin = template.Origin,
                FusionGenes = ordinal % 2 == 0 ? [$"GENE{ordinal}", "ALK"] : null,
                Interpreted = ordinal % 3 == 0,
            });
        }

        return graph;
    }

    private static AuditEventEntity Audit(string action) => new()
    {
        At = new DateTimeOffset(2026, 12, 3, 10, 0, 0, PlusTwo),
        Actor = "tester",
        Action = action,
        EntityType = "patient",
        EntityId = "x",
        PatientId = null,
        Details = "{\"count\": 1}",
    };

    /// <summary>As the ingestion adds them: the patient with its collections, the bundle, the report reached through the patient, the rest.</summary>
    private static void Add(TumorBoardDbContext db, PatientGraph graph)
    {
        db.Patients.Add(graph.Patient);
        db.IngestedBundles.Add(graph.Bundle);
        db.Evaluations.Add(graph.Evaluation);
        db.Recommendations.Add(graph.Recommendation);
        db.LatestTrialRecommendations.Add(graph.Latest);
        db.AuditEvents.Add(graph.Audit);
    }

    /// <summary>Patient, its 5 facts, bundle, report, specimen, alterations, evaluation, recommendation, its latest row, audit row.</summary>
    private static int CountRows(PatientGraph graph) => 1 + 5 + 1 + 1 + 1 + graph.Report.Alterations.Count + 1 + 1 + 1 + 1;

    private static async Task<PatientGraph> LoadAsync(TumorBoardDbContext db, Guid patientId)
    {
        var patient = await db.Patients.AsNoTracking()
            .Include(p => p.Identifiers).Include(p => p.Conditions).Include(p => p.PriorTherapies).Include(p => p.ClinicalMarkers).Include(p => p.DiseaseStatuses)
            .Include(p => p.Reports).ThenInclude(r => r.Specimen)
            .Include(p => p.Reports).ThenInclude(r => r.Alterations)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == patientId);
        var bundle = await db.IngestedBundles.AsNoTracking().SingleAsync(b => b.PatientId == patientId);
        var evaluation = await db.Evaluations.AsNoTracking().SingleAsync(e => e.PatientId == patientId);
        var recommendation = await db.Recommendations.AsNoTracking().SingleAsync(r => r.PatientId == patientId);
        return new PatientGraph(patient, bundle, patient.Reports.Single(), evaluation, recommendation, Audit("unused"))
        {
            Latest = await db.LatestTrialRecommendations.AsNoTracking().SingleAsync(r => r.PatientId == patientId),
        };
    }

    /// <summary>Every mapped column; keys, foreign keys and other ids only as present or absent (they differ between the two graphs).</summary>
    private static void AssertSameColumns(IModel model, object written, object saved)
    {
        var type = model.FindEntityType(written.GetType())!;
        var compared = 0;
        foreach (var property in type.GetProperties().Where(p => !p.IsKey() && !p.IsForeignKey() && p.PropertyInfo is not null))
        {
            var w = property.PropertyInfo!.GetValue(written);
            var s = property.PropertyInfo.GetValue(saved);
            if (property.Name is "IdentifierValue" or "Value" && w is string text && text.Contains("writer", StringComparison.Ordinal))
            {
                w = text.Replace("writer", "ef", StringComparison.Ordinal);
            }

            if (w is System.Collections.IEnumerable a && w is not string && s is System.Collections.IEnumerable b)
            {
                Assert.Equal(a.Cast<object>().Select(x => x is Guid ? "id" : x), b.Cast<object>().Select(x => x is Guid ? "id" : x));
            }
            else if (property.ClrType == typeof(Guid) || property.ClrType == typeof(Guid?))
            {
                // Ids differ between the two graphs by construction (some, such as alterations.patient_id, without a foreign key).
                Assert.Equal(w is null, s is null);
                Assert.Equal(w is null, s is null);
            }
            else
            {
                Assert.True(Equals(w, s), $"{type.ShortName()}.{property.Name}: {w} written, {s} saved by EF");
            }

            compared++;
        }

        Assert.True(compared > 0);
    }
}
