using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Queries;

namespace TumorBoard.Api.Features.Patients;

/// <summary>Read routes for patients, their reports and normalised alterations.</summary>
public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatients(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/patients").WithTags("Patients").RequireAuthorization(Policies.ReadPatients);

        group.MapGet("/", SearchAsync)
            .WithSummary("Find patients by identifier")
            .WithDescription("identifier is `system|value`, e.g. `urn:oid:2.16.840.1.113883.3.1|MRN-0001`.");
        group.MapGet("/{patientId:guid}", GetAsync).WithSummary("A patient with reports, specimens, prior therapies and the latest evaluation id")
            .WithExample(null, StatusCodes.Status200OK, ApiExamples.Patient);
        group.MapGet("/{patientId:guid}/alterations", AlterationsAsync)
            .WithSummary("The patient's normalised alterations, optionally of one report");
        return routes;
    }

    private static async Task<Results<Ok<List<PatientSummaryDto>>, ProblemHttpResult>> SearchAsync(string? identifier, TumorBoardDbContext db, AuditLog audit, CancellationToken ct)
    {
        var separator = identifier?.LastIndexOf('|') ?? -1;
        if (identifier is null || separator <= 0 || separator == identifier.Length - 1)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "identifier must be given as system|value.");
        }

        var system = identifier[..separator];
        var value = identifier[(separator + 1)..];
        var patients = await db.Patients.AsNoTracking().Include(p => p.Identifiers)
            .Where(p => p.Identifiers.Any(i => i.System == system && i.Value == value))
            .ToListAsync(ct);
        foreach (var patient in patients)
        {
            audit.Record("search", "patient", patient.Id.ToString(), patient.Id);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(patients.Select(PatientSummaries.Of).ToList());
    }

    private static async Task<Results<Ok<PatientDto>, ProblemHttpResult>> GetAsync(Guid patientId, PatientQuery patients, CancellationToken ct) =>
        (await patients.GetAsync(patientId, ct)).ToOk();

    private static async Task<Results<Ok<List<AlterationDto>>, ProblemHttpResult>> AlterationsAsync(
        Guid patientId, Guid? reportId, TumorBoardDbContext db, AuditLog audit, CancellationToken ct)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, ct))
        {
            return NotFoundProblem.For("patient", patientId);
        }

        var rows = await db.WithSpecimenRole(db.Alterations.AsNoTracking().Where(a => a.PatientId == patientId && (reportId == null || a.ReportId == reportId)))
            .ToListAsync(ct);
        await audit.RecordReadAsync("alterations", patientId.ToString(), patientId, ct);
        return TypedResults.Ok(rows.Select(x => ToDto(x.Alteration, x.Role)).ToList());
    }

    private static AlterationDto ToDto(AlterationEntity a, string role) => new(
        a.Key, a.Gene, a.Kind, a.ProteinChange, a.CodingChange, a.CopyNumber, a.CnaCall, a.FusionGenes, a.Value, a.Vaf,
        a.Origin, a.ReportId, role, a.Interpreted, a.Description);
}
