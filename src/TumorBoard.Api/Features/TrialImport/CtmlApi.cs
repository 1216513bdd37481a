using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Core.Trials;
using TumorBoard.KnowledgeBase.Ctml;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.TrialImport;

/// <summary>
/// Coordinators own their trials: a CTML document (MatchMiner's format, JSON or YAML) is validated, stored as a new
/// version, audited, live at once on every instance, and followed by a durable re-match of the patients that trial
/// can affect. Any trial, shipped ones too, exports as CTML.
/// </summary>
public static partial class CtmlApi
{
    public static IEndpointRouteBuilder MapCtml(this IEndpointRouteBuilder routes)
    {
        var manage = routes.MapGroup("/api/trials").WithTags("Trials").RequireAuthorization(Policies.ManageTrials);
        // Routing answers 415 itself for a media type the endpoint does not declare, so Accepts must list every one
        // CtmlBody reads (application/x-yaml included, as the contract names it).
        manage.MapPost("/", PostAsync)
            .WithSummary("Import a CTML trial (JSON or YAML) as a new version; patients it can affect are re-matched in the background")
            .Accepts<JsonObject>(false, "application/json", "application/yaml", "application/x-yaml", "text/yaml")
            .WithExample(CtmlExamples.Document, StatusCodes.Status201Created, CtmlExamples.ImportResponse)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        manage.MapPut("/{trialId}", PutAsync)
            .WithSummary("Replace an imported trial with a new CTML version (the previous versions are kept)")
            .Accepts<JsonObject>(false, "application/json", "application/yaml", "application/x-yaml", "text/yaml")
            .WithExample(CtmlExamples.Document, StatusCodes.Status200OK, CtmlExamples.ImportResponse)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        var reads = routes.MapGroup("/api/trials").WithTags("Trials").RequireAuthorization(Policies.ReadTrials);
        reads.MapGet("/{trialId}/ctml", ExportAsync)
            .WithSummary("The trial as CTML, JSON or YAML by Accept (shipped trials too; what CTML cannot say is listed in _tumorboard_not_exported)")
            .Produces<JsonObject>(StatusCodes.Status200OK, "application/json", "application/yaml")
            .WithExample(null, StatusCodes.Status200OK, CtmlExamples.Document)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        reads.MapGet("/{trialId}/versions", VersionsAsync)
            .WithSummary("Every stored version of the trial, newest first")
            .WithExample(null, StatusCodes.Status200OK, CtmlExamples.Versions)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static Task<Results<Created<TrialImportResponse>, Ok<TrialImportResponse>, ProblemHttpResult>> PostAsync(
        HttpRequest request, bool? allowUnknownGenes, TumorBoardDbContext db, Knowledge knowledge, TrialCatalogSync sync, AuditLog audit,
        RematchSignal rematch, TimeProvider clock, CancellationToken ct) =>
        ImportAsync(request, null, allowUnknownGenes ?? false, db, knowledge, sync, audit, rematch, clock, ct);

    internal static async Task<Results<Ok<TrialImportResponse>, ProblemHttpResult>> PutAsync(
        string trialId, HttpRequest request, bool? allowUnknownGenes, TumorBoardDbContext db, Knowledge knowledge, TrialCatalogSync sync, AuditLog audit,
        RematchSignal rematch, TimeProvider clock, CancellationToken ct) =>
        (await ImportAsync(request, trialId, allowUnknownGenes ?? false, db, knowledge, sync, audit, rematch, clock, ct)).Result switch
        {
            // A replacement always has a trial already: never 201.
            Created<TrialImportResponse> created => TypedResults.Ok(created.Value),
            Ok<TrialImportResponse> ok => ok,
            var other => (ProblemHttpResult)other,
        };

    private static async Task<Results<Created<TrialImportResponse>, Ok<TrialImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, string? routeTrialId, bool allowUnknownGenes, TumorBoardDbContext db, Knowledge knowledge, TrialCatalogSync sync,
        AuditLog audit, RematchSignal rematch, TimeProvider clock, CancellationToken ct)
    {
        var body = await CtmlBody.ReadAsync(request, ct);
        if (body.Problem is { } unreadable)
        {
            return body.Status == StatusCodes.Status422UnprocessableEntity
                ? Invalid([unreadable])
                : TypedResults.Problem(statusCode: body.Status, title: unreadable.Message);
        }

        // Validated before anything is stored: a document with one problem stores nothing.
        var importer = new CtmlImporter(knowledge.Vocabulary);
        var checkedResult = importer.Import(body.Root, "0", "", allowUnknownGenes);
        if (checkedResult.Trial is not { } candidate)
        {
            return Invalid(checkedResult.Problems);
        }

        var trialId = candidate.Id;
        if (knowledge.ShippedTrials.Find(trialId) is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"'{trialId}' is a shipped trial: it changes through the knowledge-base files (its criteria in TumorBoard's format would be lost).");
        }

        if (routeTrialId is not null && !string.Equals(routeTrialId, trialId, StringComparison.Ordinal))
        {
            return Invalid([new CtmlProblem("$.protocol_no", $"protocol_no '{trialId}' differs from the trial in the route, '{routeTrialId}'")]);
        }

        var text = body.Root!.ToJsonString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var actor = request.HttpContext.Subject() ?? "unknown";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two imports of one trial take turns, so each gets the next version number.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"trial:" + trialId}))", ct);
        var current = await db.TrialVersions.AsNoTracking().Where(t => t.TrialId == trialId).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        if (routeTrialId is not null && current is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No imported trial '{trialId}' to replace; POST /api/trials creates it.");
        }

        if (current is not null && current.ContentHash == hash && current.AllowUnknownGenes == allowUnknownGenes)
        {
            await transaction.RollbackAsync(ct);
            return TypedResults.Ok(Response(candidate, current.Version, hash, unchanged: true, checkedResult.Warnings, null));
        }

        var version = (current?.Version ?? 0) + 1;
        db.TrialVersions.Add(new TrialVersionEntity
        {
            TrialId = trialId,
            Version = version,
            Format = "ctml",
            Document = text,
            ContentHash = hash,
            MediaType = body.MediaType,
            AllowUnknownGenes = allowUnknownGenes,
            CreatedBy = actor,
            CreatedAt = clock.GetUtcNow(),
        });
        audit.Record(current is null ? "trial-import" : "trial-replace", "trial", trialId, null, new
        {
            version,
            previousVersion = current?.Version,
            contentHash = hash,
            mediaType = body.MediaType,
            allowUnknownGenes,
            arms = candidate.Arms.Select(a => a.Id).ToList(),
            warnings = checkedResult.Warnings.Count,
        });
        await db.SaveChangesAsync(ct);
        // The version and its re-match job commit together: no instance sees the version without the job.
        var jobId = await TrialRematchScope.EnqueueAsync(db, trialId, actor, clock, ct);
        await transaction.CommitAsync(ct);
        await sync.EnsureCurrentAsync(db, ct);
        rematch.Request();
        var stored = knowledge.Trials.Find(trialId) ?? candidate;
        var response = Response(stored, version, hash, unchanged: false, checkedResult.Warnings, jobId);
        return routeTrialId is null
            ? TypedResults.Created($"/api/trials/{Uri.EscapeDataString(trialId)}", response)
            : TypedResults.Ok(response);
    }

    private static TrialImportResponse Response(Trial trial, int version, string hash, bool unchanged, IReadOnlyList<CtmlProblem> warnings, Guid? jobId) =>
        new(trial.Id, version, hash, unchanged,
            trial.Arms.Select(a => new ImportedArmDto(a.Id, a.Title, a.DefaultStatus.ToCode(), a.Selection.Text)).ToList(),
            warnings.Select(w => new CtmlIssueDto(w.Path, w.Message)).ToList(), jobId);

    /// <summary>422 with every problem: <c>errors</c> maps each JSON path to its messages.</summary>
    private static ProblemHttpResult Invalid(IReadOnlyList<CtmlProblem> problems) =>
        TypedResults.Problem(new HttpValidationProblemDetails(problems
            .GroupBy(p => p.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = $"The CTML document has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}; nothing was stored.",
        });
}
