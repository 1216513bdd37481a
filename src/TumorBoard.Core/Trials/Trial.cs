using TumorBoard.Core.Rules;

namespace TumorBoard.Core.Trials;

/// <summary>How a trial orders the arms a patient fits.</summary>
public enum ArmRanking
{
    /// <summary>No order beyond the file's; every fitting arm is listed (MatchMiner style).</summary>
    None,

    /// <summary>NCI-MATCH assignment: the arm whose aMOI has the highest level of evidence (1 before 2 before 3) first.</summary>
    LevelOfEvidence,
}

/// <summary>
/// One genomically driven trial loaded from a versioned data file: its arms, the drug classes its criteria
/// name, and where it came from (file, version and SHA-256 of the file's bytes).
/// </summary>
public sealed record Trial
{
    /// <summary>Stable id used in routes and recommendations: <c>NCI-MATCH</c>, <c>Lung-MAP</c>, <c>SAFIR02-Breast</c>.</summary>
    public required string Id { get; init; }

    /// <summary>ClinicalTrials.gov ids, the primary one first.</summary>
    public required IReadOnlyList<string> NctIds { get; init; }

    public required string Title { get; init; }

    /// <summary>The curated version of the trial file; bump it on every content change.</summary>
    public required string Version { get; init; }

    /// <summary>Lower-case hex SHA-256 of the trial file's bytes.</summary>
    public required string ContentHash { get; init; }

    public ArmRanking Ranking { get; init; } = ArmRanking.None;

    public required IReadOnlyList<TrialArm> Arms { get; init; }

    public required IReadOnlyList<Citation> Citations { get; init; }

    /// <summary>Data file the trial came from (<c>trials/nci-match.json</c>).</summary>
    public string? Origin { get; init; }

    /// <summary>The first NCT id; empty for a CTML trial imported without <c>nct_id</c> (a local protocol).</summary>
    public string PrimaryNctId => NctIds.Count > 0 ? NctIds[0] : "";
}
