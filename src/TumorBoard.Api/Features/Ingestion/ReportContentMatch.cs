using TumorBoard.Core.Ingestion;

namespace TumorBoard.Api.Features.Ingestion;

/// <summary>
/// Whether a posted report is the stored one unchanged (docs/adr/0005-report-content-hash-versions.md). Both versions hash
/// the same canonical form, so equal hashes mean equal canonical content whichever way each was made: that is the usual
/// case, also for reports stored before version 2. Otherwise, when the stored hash was made another way, the posted
/// report's hash is made that way (Firely's form, computed only then) and compared; a hash that cannot be made the stored
/// way (version 2 for an XML post) never matches, so the report reads as changed, never as the same.
/// </summary>
internal static class ReportContentMatch
{
    public static bool IsSame(StoredReport stored, ParsedReport posted) =>
        string.Equals(posted.ContentHash, stored.ContentHash, StringComparison.Ordinal)
        || (posted.ContentHashVersion != stored.ContentHashVersion
            && posted.ContentHashOf(stored.ContentHashVersion) is { } hash
            && string.Equals(hash, stored.ContentHash, StringComparison.Ordinal));
}
