using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.Ingestion;
using TumorBoard.Api.ReadModels;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Ingestion;

/// <summary>
/// A returning patient's stored state is read in one batch (issue 12, session 6) instead of EF's split
/// query: the batched read must track exactly what EF's tracking query with the same Includes tracks (every entity, every
/// column, every navigation), and changes made afterwards must be detected alike.
/// </summary>
public sealed class PatientStateTests(TumorBoardApp app) : ApiTest(app)
{
    private const string Mrn = "MRN-STATE";

    [Fact]
    public async Task The_batched_read_tracks_the_same_entities_columns_and_navigations_as_efs_split_query()
    {
        var patientId = await StoreReturningPatientAsync();

        await using var efScope = App.Services.CreateAsyncScope();
        await using var scope = App.Services.CreateAsyncScope();
        var byEf = await ReadWithEfAsync(efScope, patientId);
        var (batched, batchedDb) = await ReadBatchedAsync(scope, patientId);

        var efEntries = Entries(byEf.Db);
        var batchedEntries = Entries(batchedDb);
        // Every kind of fact is there, so the comparison covers each table the state reads.
        Assert.Equal(
            ["AlterationEntity", "ClinicalMarkerEntity", "ConditionEntity", "DiseaseStatusEntity", "PatientEntity", "PatientIdentifierEntity", "PriorTherapyEntity", "ReportEntity", "SpecimenEntity"],
            efEntries.Select(e => e.Metadata.ClrType.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(efEntries.Count, batchedEntries.Count);
        var batchedByKey = batchedEntries.ToDictionary(Key);
        foreach (var ef in efEntries)
        {
            var other = batchedByKey[Key(ef)];
            Assert.Equal(EntityState.Unchanged, other.State);
            foreach (var property in ef.Metadata.GetProperties())
            {
                var comparer = property.GetValueComparer();
                Assert.True(comparer.Equals(ef.CurrentValues[property], other.CurrentValues[property]),
                    $"{ef.Metadata.ClrType.Name}.{property.Name}: EF read {ef.CurrentValues[property]}, the batch {other.CurrentValues[property]}");
            }
        }

        // Navigations fixed up alike: the patient's collections, each report's specimen and alterations.
        Assert.Equal(Ids(byEf.Patient.Identifiers), Ids(batched.Identifiers));
        Assert.Equal(Ids(byEf.Patient.Conditions), Ids(batched.Conditions));
        Assert.Equal(Ids(byEf.Patient.PriorTherapies), Ids(batched.PriorTherapies));
        Assert.Equal(Ids(byEf.Patient.ClinicalMarkers), Ids(batched.ClinicalMarkers));
        Assert.Equal(Ids(byEf.Patient.DiseaseStatuses), Ids(batched.DiseaseStatuses));
        Assert.Equal(Ids(byEf.Patient.Reports), Ids(batched.Reports));
        Assert.Equal(3, batched.Reports.Count);
        foreach (var report in byEf.Patient.Reports)
        {
            var other = batched.Reports.Single(r => r.Id == report.Id);
            Assert.Equal(report.Specimen?.Id, other.Specimen?.Id);
            Assert.NotNull(other.Specimen);
            Assert.Equal(Ids(report.Alterations), Ids(other.Alterations));
        }

        // What the evaluation reads of it is the same.
        var efSnapshot = PatientSnapshotLoader.FromPatient(byEf.Patient);
        var batchedSnapshot = PatientSnapshotLoader.FromPatient(batched);
        Assert.Equal(efSnapshot.Reports.OrderBy(r => r.ReportId, StringComparer.Ordinal).Select(r => (r.ReportId, r.Role, r.SampleTime, r.Alterations.Count)),
            batchedSnapshot.Reports.OrderBy(r => r.ReportId, StringComparer.Ordinal).Select(r => (r.ReportId, r.Role, r.SampleTime, r.Alterations.Count)));
        Assert.Equal(efSnapshot.Markers, batchedSnapshot.Markers);
        Assert.Equal(efSnapshot.PriorTherapies.Count, batchedSnapshot.PriorTherapies.Count);
        Assert.Equal(efSnapshot.DiseaseStatuses, batchedSnapshot.DiseaseStatuses);
    }

    [Fact]
    public async Task Changes_to_the_batched_state_are_detected_as_after_efs_read()
    {
        var patientId = await StoreReturningPatientAsync();
        await using var efScope = App.Services.CreateAsyncScope();
        await using var scope = App.Services.CreateAsyncScope();
        var byEf = await ReadWithEfAsync(efScope, patientId);
        var (batched, batchedDb) = await ReadBatchedAsync(scope, patientId);

        foreach (var (patient, db) in new[] { (byEf.Patient, byEf.Db), (batched, batchedDb) })
        {
            // What ingestion does to a stored patient: the diagnosis replaced, an amended report's alterations removed.
            patient.Conditions.Clear();
            patient.Conditions.Add(new ConditionEntity { PatientId = patient.Id, Kind = "primary", BodySite = "lung" });
            var report = patient.Reports.OrderBy(r => r.Id).First();
            db.Alterations.RemoveRange(report.Alterations);
            report.Alterations.Clear();
            report.Status = "corrected";
            patient.UpdatedAt = patient.UpdatedAt.AddDays(1);
        }

        Assert.Equal(Changes(byEf.Db), Changes(batchedDb));
        Assert.Contains(Changes(batchedDb), c => c.StartsWith("ConditionEntity Deleted", StringComparison.Ordinal));
        Assert.Contains(Changes(batchedDb), c => c.StartsWith("ConditionEntity Added", StringComparison.Ordinal));
        Assert.Contains(Changes(batchedDb), c => c.StartsWith("AlterationEntity Deleted", StringComparison.Ordinal));
        Assert.Contains("ReportEntity Modified Status", Changes(batchedDb));
        Assert.Contains("PatientEntity Modified UpdatedAt", Changes(batchedDb));
    }

    [Fact]
    public void The_batched_state_reads_every_navigation_the_evaluation_includes()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        // EF's read of a patient's state as ingestion did it before: identifiers and conditions, then what evaluation reads.
        var query = db.Patients.Include(p => p.Identifiers).Include(p => p.Conditions).WithEvaluationState();

        Assert.Equal(IncludePaths(query.Expression).Order(StringComparer.Ordinal), PatientState.Paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_bundle_whose_identifiers_belong_to_two_patients_reads_both_and_is_refused()
    {
        await IngestAsync(Cases.SingleLungReport("MRN-TWO-A", "ACC-TWO-A"));
        await IngestAsync(Cases.SingleLungReport("MRN-TWO-B", "ACC-TWO-B"));
        // A third bundle whose Patient carries both identifiers.
        using var response = await PostBundleAsync(WithSecondIdentifier(Cases.SingleLungReport("MRN-TWO-A", "ACC-TWO-C"), "MRN-TWO-B"));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(2, await App.CountAsync("patients"));
        Assert.Equal(2, await App.CountAsync("reports"));
    }

    [Fact]
    public async Task A_returning_patient_named_by_two_of_its_identifiers_is_read_once()
    {
        var first = await IngestAsync(WithSecondIdentifier(Cases.SingleLungReport("MRN-DUO", "ACC-DUO-1"), "MRN-DUO-2"));

        var second = await IngestAsync(WithSecondIdentifier(Cases.SingleLungReport("MRN-DUO", "ACC-DUO-2"), "MRN-DUO-2"));

        Assert.Equal(first.PatientId, second.PatientId);
        Assert.Equal(1, await App.CountAsync("patients"));
        Assert.Equal(2, await App.CountAsync("patient_identifiers"));
        Assert.Equal(2, await App.CountAsync("reports"));
    }

    /// <summary>The bundle with a second identifier on its Patient.</summary>
    private static string WithSecondIdentifier(string bundle, string value)
    {
        var json = JsonNode.Parse(bundle)!;
        var patient = json["entry"]!.AsArray().Select(e => e!["resource"]!).Single(r => (string?)r["resourceType"] == "Patient");
        patient["identifier"]!.AsArray().Add(new JsonObject { ["system"] = "urn:test:mrn", ["value"] = value });
        return json.ToJsonString();
    }

    /// <summary>One patient with every kind of fact, stored by two bundles: a new report and an amended one the second time.</summary>
    private async Task<Guid> StoreReturningPatientAsync()
    {
        var first = await IngestAsync(Cases.Patient(Mrn, "LUAD", "Lung Adenocarcinoma", TestSite.Lung)
            .Metastasis(TestSite.Liver)
            .Therapy("erlotinib 150 mg", Cases.Diagnosis.AddMonths(1), Cases.Relapse.AddMonths(-2))
            .Marker(new TestMarker("85319-2", "HER2 [Presence] in Tissue by Immune stain", "LA6577-6", "Negative"), Cases.Diagnosis)
            .DiseaseStatus("271299001", "Patient's condition worse", Cases.Relapse)
            .Report(new TestReport("ACC-STATE-1", TestSite.Lung, Cases.Diagnosis,
                [new TestVariant("EGFR", "p.Leu858Arg", "c.2573T>G", 0.35m), new TestCopyNumber("MET", 9m)]))
            .Report(new TestReport("ACC-STATE-2", TestSite.Liver, Cases.Relapse,
                [new TestVariant("EGFR", "p.Leu858Arg", null, 0.123456m), new TestFusion("EML4", "ALK")]))
            .ToJson());
        var second = await IngestAsync(Cases.Patient(Mrn, "LUAD", "Lung Adenocarcinoma", TestSite.Lung)
            .Therapy("osimertinib", Cases.Relapse)
            .Report(new TestReport("ACC-STATE-1", TestSite.Lung, Cases.Diagnosis, [new TestVariant("EGFR", "p.Gly719Ser", null, 0.2m)], "amended"))
            .Report(new TestReport("ACC-STATE-3", TestSite.Plasma, Cases.Relapse, [new TestVariant("EGFR", "p.Thr790Met", null, 0.02m)]))
            .ToJson());
        Assert.Equal(first.PatientId, second.PatientId);
        return first.PatientId;
    }

    private static async Task<(PatientEntity Patient, TumorBoardDbContext Db)> ReadWithEfAsync(AsyncServiceScope scope, Guid patientId)
    {
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var patient = await db.Patients.Include(p => p.Identifiers).Include(p => p.Conditions).WithEvaluationState().SingleAsync(p => p.Id == patientId);
        return (patient, db);
    }

    /// <summary>The state as ingestion reads it for a returning patient, in a context of its own.</summary>
    private static async Task<(PatientEntity Patient, TumorBoardDbContext Db)> ReadBatchedAsync(AsyncServiceScope scope, Guid patientId)
    {
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var patient = await PatientState.LoadAsync(db, patientId, CancellationToken.None);
        await transaction.CommitAsync();
        return (patient, db);
    }

    private static List<EntityEntry> Entries(DbContext db) => db.ChangeTracker.Entries().ToList();

    private static string Key(EntityEntry entry) => $"{entry.Metadata.ClrType.Name}:{entry.Property("Id").CurrentValue}";

    private static List<Guid> Ids<T>(IEnumerable<T> entities) => entities.Select(e => (Guid)typeof(T).GetProperty("Id")!.GetValue(e)!).Order().ToList();

    /// <summary>Each changed entry as "type state [modified properties]", keys left out (new rows get new keys).</summary>
    private static List<string> Changes(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries()
            .Where(e => e.State != EntityState.Unchanged)
            .Select(e => $"{e.Metadata.ClrType.Name} {e.State}" + (e.State == EntityState.Modified
                ? " " + string.Join(",", e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).Order(StringComparer.Ordinal))
                : string.Empty))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The include paths of a query's Include/ThenInclude calls ("Reports", "Reports.Specimen").</summary>
    private static List<string> IncludePaths(Expression expression)
    {
        var calls = new List<MethodCallExpression>();
        for (var node = expression as MethodCallExpression; node is not null; node = node.Arguments[0] as MethodCallExpression)
        {
            calls.Add(node);
        }

        var paths = new List<string>();
        var last = string.Empty;
        foreach (var call in Enumerable.Reverse(calls))
        {
            if (call.Method.Name is not ("Include" or "ThenInclude") || call.Arguments.Count < 2)
            {
                continue;
            }

            var lambda = (LambdaExpression)((UnaryExpression)call.Arguments[1]).Operand;
            var name = ((MemberExpression)lambda.Body).Member.Name;
            last = call.Method.Name == "Include" ? name : $"{last}.{name}";
            paths.Add(last);
        }

        return paths.Distinct(StringComparer.Ordinal).ToList();
    }
}
