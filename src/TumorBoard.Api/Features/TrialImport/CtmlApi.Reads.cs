using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Trials;
using TumorBoard.KnowledgeBase.Ctml;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.TrialImport;

/// <summary>The read side of trial import: any trial (shipped ones too) as CTML, with each arm's live status, and a trial's stored versions.</summary>
public static partial class CtmlApi
{
    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportAsync(
        string trialId, int? version, HttpRequest request, TumorBoardDbContext db, Knowledge knowledge, TrialCatalogSync sync, CancellationToken ct)
    {
        await sync.EnsureCurrentAsync(db, ct);
        var exporter = new CtmlExporter(knowledge.Vocabulary.OncoTree);
        var rows = db.TrialVersions.AsNoTracking().Where(t => t.TrialId == trialId);
        var row = await (version is { } v ? rows.Where(t => t.Version == v) : rows.OrderByDescending(t => t.Version)).FirstOrDefaultAsync(ct);
        JsonObject document;
        if (row is not null)
        {
            var trial = sync.Import(new CtmlImporter(knowledge.Vocabulary), row);
            if (trial is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Version {row.Version} of '{trialId}' no longer validates against this service's vocabularies.");
            }

            var latest = version is null;
            var statuses = latest ? await ArmStatusLookup.LoadAsync(db, knowledge, ct) : null;
            document = exporter.Export(trial, JsonNode.Parse(row.Document)!.AsObject(), statuses is null ? null : arm => Status(statuses.StatusOf(trial.Id, arm)));
        }
        else if (version is null && knowledge.ShippedTrials.Find(trialId) is { } shipped)
        {
            var statuses = await ArmStatusLookup.LoadAsync(db, knowledge, ct);
            document = exporter.Export(shipped, null, arm => Status(statuses.StatusOf(shipped.Id, arm)));
        }
        else
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: version is null ? $"No trial '{trialId}'." : $"No version {version} of trial '{trialId}'.");
        }

        return CtmlBody.WantsYaml(request)
            ? TypedResults.Text(CtmlYaml.Write(document), "application/yaml", Encoding.UTF8)
            : TypedResults.Text(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), "application/json", Encoding.UTF8);
    }

    internal static async Task<Results<Ok<TrialVersionsDto>, ProblemHttpResult>> VersionsAsync(string trialId, TumorBoardDbContext db, Knowledge knowledge, CancellationToken ct)
    {
        var rows = await db.TrialVersions.AsNoTracking().Where(t => t.TrialId == trialId).OrderByDescending(t => t.Version)
            .Select(t => new { t.Version, t.ContentHash, t.CreatedBy, t.CreatedAt, t.MediaType }).ToListAsync(ct);
        if (rows.Count > 0)
        {
            return TypedResults.Ok(new TrialVersionsDto(trialId, rows.Select((r, i) =>
                new TrialVersionDto(TrialCatalogSync.Version(r.Version), "ctml", r.ContentHash, r.CreatedBy, r.CreatedAt, r.MediaType, i == 0)).ToList()));
        }

        return knowledge.ShippedTrials.Find(trialId) is { } shipped
            ? TypedResults.Ok(new TrialVersionsDto(shipped.Id, [new TrialVersionDto(shipped.Version, "shipped", shipped.ContentHash, null, null, null, true)]))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No trial '{trialId}'.");
    }

    private static ArmStatus Status(string code) => ArmStatuses.TryParse(code, out var status) ? status : ArmStatus.Closed;
}
