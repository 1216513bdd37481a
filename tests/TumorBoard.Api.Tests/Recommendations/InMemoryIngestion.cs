using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Ingestion;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Fhir;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Tests.Recommendations;

/// <summary>
/// The patient state ingestion evaluates, made without a database: the bundle read and applied to the patient's entities by
/// the ingestion's own steps (<see cref="PatientFacts"/>, <see cref="ReportWriter"/>) on a context that never connects, as
/// <c>BundleStore</c> does before it evaluates. Shared with the evaluating-stage benchmark (benchmarks/TumorBoard.Benchmarks).
/// </summary>
internal sealed class InMemoryIngestion : IDisposable
{
    // Adding entities builds the model and tracks them; nothing opens a connection.
    private readonly TumorBoardDbContext _db = new(Options());

    /// <summary>Applies one bundle (every report new) to <paramref name="patient"/>, or to a new patient when null; returns the patient.</summary>
    public PatientEntity Apply(Knowledge knowledge, string bundleJson, DateTimeOffset now, PatientEntity? patient = null)
    {
        var read = knowledge.BundleReader.Read(bundleJson, FhirFormat.Json);
        var bundle = read.Bundle ?? throw new InvalidOperationException("The bundle is malformed.");
        patient ??= new PatientEntity { Id = Guid.CreateVersion7(), CreatedAt = now, UpdatedAt = now };
        PatientFacts.Apply(patient, bundle, now);
        var plan = new ReportPlan();
        foreach (var report in bundle.Reports)
        {
            plan.Add(report, null);
        }

        ReportWriter.Write(_db, plan, patient, Guid.CreateVersion7(), [], now);
        return patient;
    }

    public void Dispose() => _db.Dispose();

    private static DbContextOptions<TumorBoardDbContext> Options()
    {
        var options = new DbContextOptionsBuilder<TumorBoardDbContext>();
        DatabaseSetup.Configure(options, "Host=127.0.0.1;Database=unused");
        return options.Options;
    }
}
