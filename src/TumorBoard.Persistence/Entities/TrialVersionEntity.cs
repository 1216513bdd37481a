namespace TumorBoard.Persistence.Entities;

/// <summary>
/// One version of a trial coordinators imported as CTML (MatchMiner's trial format). Append-only: a new document
/// is a new version, the previous ones stay readable (see the TrialVersions migration). The current version of a
/// trial is its highest <see cref="Version"/>.
/// </summary>
public sealed class TrialVersionEntity
{
    /// <summary>Grows with every stored version of any trial: instances compare the highest id with theirs to pick up new versions.</summary>
    public long Id { get; set; }

    /// <summary>The CTML <c>protocol_no</c>, the trial id in routes.</summary>
    public required string TrialId { get; set; }

    /// <summary>1, 2, 3... per trial.</summary>
    public int Version { get; set; }

    /// <summary>Always <c>ctml</c> for now.</summary>
    public required string Format { get; set; }

    /// <summary>The CTML document as JSON text (json), whether it arrived as JSON or YAML.</summary>
    public required string Document { get; set; }

    /// <summary>Lower-case hex SHA-256 of the stored JSON text.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The media type it was posted as (application/json, application/yaml, text/yaml).</summary>
    public required string MediaType { get; set; }

    /// <summary>The coordinator chose to keep non-HGNC symbols (they match nobody); re-imports on other instances do the same.</summary>
    public bool AllowUnknownGenes { get; set; }

    /// <summary>The token subject of the coordinator who stored it.</summary>
    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
