using Microsoft.EntityFrameworkCore;
using TumorBoard.Persistence.Entities;
using TumorBoard.Persistence.Queries;
using TumorBoard.TestSupport;

namespace TumorBoard.Persistence.Tests;

/// <summary>
/// The one statement every evaluation runs for trial state (issue 12, session 4): the newest stored trial version and
/// the arm-status overrides, the overrides in the order the evaluation stamp has always hashed them (EF's
/// OrderBy(TrialId).ThenBy(ArmId)), so stamps of stored evaluations stay valid.
/// </summary>
public sealed class TrialStateTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Nothing_stored_reads_as_no_rows()
    {
        await using var db = database.NewContext();

        Assert.Empty(await db.Database.ReadTrialStateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_newest_version_comes_first_then_the_overrides_in_the_order_the_stamp_hashes_them()
    {
        await using (var seed = database.NewContext())
        {
            var at = new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.Zero);
            seed.TrialVersions.Add(Version("NCT-B", 1, at));
            seed.TrialVersions.Add(Version("NCT-A", 1, at.AddMinutes(1)));
            foreach (var (trial, arm, status) in new[] { ("NCT-B", "arm-1", "closed"), ("NCT-A", "arm-2", "suspended"), ("NCT-A", "Arm-10", "open"), ("NCT-A", "arm-1", "closed") })
            {
                seed.ArmStatuses.Add(new ArmStatusEntity { TrialId = trial, ArmId = arm, Status = status, UpdatedBy = "coordinator", UpdatedAt = at });
            }

            await seed.SaveChangesAsync();
        }

        await using var db = database.NewContext();
        var rows = await db.Database.ReadTrialStateAsync(CancellationToken.None);

        var newest = await db.TrialVersions.OrderByDescending(t => t.Id).FirstAsync();
        Assert.Equal(new TrialStateRow(0, newest.Id, newest.CreatedAt, null, null, null), rows[0] with { VersionCreatedAt = rows[0].VersionCreatedAt!.Value.ToUniversalTime() });
        var previousOrder = await db.ArmStatuses.AsNoTracking().OrderBy(a => a.TrialId).ThenBy(a => a.ArmId).Select(a => new { a.TrialId, a.ArmId, a.Status }).ToListAsync();
        Assert.Equal(previousOrder.Select(a => (a.TrialId, a.ArmId, a.Status)), rows.Skip(1).Select(r => (r.TrialId!, r.ArmId!, r.Status!)));
        Assert.All(rows.Skip(1), r => Assert.Equal(1, r.Kind));
    }

    private static TrialVersionEntity Version(string trialId, int version, DateTimeOffset at) => new()
    {
        TrialId = trialId,
        Version = version,
        Format = "ctml",
        Document = "{}",
        ContentHash = "hash-" + trialId,
        MediaType = "application/json",
        CreatedBy = "importer",
        CreatedAt = at,
    };
}
