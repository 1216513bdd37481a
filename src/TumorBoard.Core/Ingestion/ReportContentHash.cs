namespace TumorBoard.Core.Ingestion;

/// <summary>
/// The ways a report's content hash has been made; each stored hash carries its version (docs/adr/0005-report-content-hash-versions.md).
/// Both hash the same canonical form (root <c>meta</c>, <c>id</c> and narrative dropped, references replaced by what they
/// point to, object keys sorted, no whitespace); they differ in what that form is made from.
/// </summary>
public static class ReportContentHash
{
    /// <summary>Version 1: the resources as Firely serialises them again after parsing (every XML post; every report stored before version 2).</summary>
    public const int FirelyForm = 1;

    /// <summary>Version 2: the resources' JSON exactly as posted, without serialising them again.</summary>
    public const int PostedJson = 2;
}
