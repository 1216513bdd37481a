namespace TumorBoard.Api.Features.Ingestion;

/// <summary>
/// Decides what a re-posted report identifier with different content means. Amendments and
/// corrections replace the stored version (kept as history); a stored preliminary report is
/// superseded by anything later; a second <c>final</c> with other content is a conflict, because
/// silently replacing a signed-out lab result would change what the board saw.
/// </summary>
public static class ReportReplacementPolicy
{
    private static readonly HashSet<string> ReplacingStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        "amended", "corrected", "appended", "cancelled", "entered-in-error",
    };

    private static readonly HashSet<string> ProvisionalStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        "registered", "partial", "preliminary",
    };

    public static bool MayReplace(string storedStatus, string incomingStatus) =>
        ReplacingStatuses.Contains(incomingStatus) || ProvisionalStatuses.Contains(storedStatus);
}
