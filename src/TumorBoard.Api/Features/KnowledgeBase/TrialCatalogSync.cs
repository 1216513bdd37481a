using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Core.Trials;
using TumorBoard.KnowledgeBase.Ctml;
using TumorBoard.Persistence;
using TumorBoard.Persistence.Entities;

namespace TumorBoard.Api.Features.KnowledgeBase;

/// <summary>
/// Keeps this instance's trial catalogue equal to the database: shipped trials plus the current version of every
/// imported CTML trial. One indexed query (the highest <c>trial_versions</c> id) tells whether anything changed; only
/// then are the current versions re-imported. Called before every evaluation (TrialContextProvider), after an import
/// on the importing instance, and by <see cref="TrialCatalogPoller"/> so idle instances follow within seconds.
/// </summary>
public sealed class TrialCatalogSync(Knowledge knowledge, ILogger<TrialCatalogSync> logger) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);

    public async Task EnsureCurrentAsync(TumorBoardDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var newest = await db.TrialVersions.AsNoTracking().OrderByDescending(t => t.Id).Select(t => new { t.Id, t.CreatedAt }).FirstOrDefaultAsync(ct);
        await EnsureCurrentAsync(db, newest?.Id, newest?.CreatedAt, ct);
    }

    /// <summary>The same, for a caller that has already read the newest version's id and time (TrialContextProvider, with the arm statuses).</summary>
    public async Task EnsureCurrentAsync(TumorBoardDbContext db, long? newestId, DateTimeOffset? newestCreatedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Id and time together: ids alone could repeat if the table were ever emptied (it is append-only, but test databases are reset).
        var mark = newestId is not { } id || newestCreatedAt is not { } at
            ? ""
            : $"{id.ToString(CultureInfo.InvariantCulture)}@{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        if (mark == knowledge.DatabaseTrialsMark)
        {
            return;
        }

        await _reload.WaitAsync(ct);
        try
        {
            if (mark == knowledge.DatabaseTrialsMark)
            {
                return;
            }

            var upTo = newestId ?? 0;
            var current = await db.TrialVersions.AsNoTracking()
                .Where(t => t.Id <= upTo && !db.TrialVersions.Any(n => n.TrialId == t.TrialId && n.Version > t.Version && n.Id <= upTo))
                .OrderBy(t => t.TrialId)
                .ToListAsync(ct);
            var importer = new CtmlImporter(knowledge.Vocabulary);
            var trials = new List<Trial>(current.Count);
            foreach (var row in current)
            {
                if (Import(importer, row) is { } trial)
                {
                    trials.Add(trial);
                }
            }

            knowledge.UseDatabaseTrials(trials, mark);
            logger.CatalogueLoaded(trials.Count, mark);
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>A stored version as the engine uses it; null (logged) if it no longer validates, e.g. after a vocabulary change.</summary>
    public Trial? Import(CtmlImporter importer, TrialVersionEntity row)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(row);
        var result = importer.Import(JsonNode.Parse(row.Document), Version(row.Version), row.ContentHash, row.AllowUnknownGenes);
        if (result.Trial is null)
        {
            logger.StoredTrialInvalid(row.TrialId, row.Version, string.Join("; ", result.Problems));
        }

        return result.Trial;
    }

    public void Dispose() => _reload.Dispose();

    /// <summary>How an imported version is named in evaluations and the catalogue (<c>99-9999@2</c>).</summary>
    public static string Version(int version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
