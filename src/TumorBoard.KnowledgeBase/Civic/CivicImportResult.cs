using System.Diagnostics.CodeAnalysis;
namespace TumorBoard.KnowledgeBase.Civic;

/// <summary>What an import produced: the data file and its counts.</summary>
public sealed record CivicImportResult
{
    /// <summary>The <c>civic-rules.json</c> bytes (UTF-8, LF line ends).</summary>
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "The generated file's bytes, written to disk and hashed as they are; a copy per read would only cost.")]
    public required byte[] Json { get; init; }

    /// <summary>Rows read from the TSV.</summary>
    public required int Read { get; init; }

    /// <summary>Rows that became rules.</summary>
    public required int Imported { get; init; }

    /// <summary>Rules (one per row and therapy; substitutes give one rule each).</summary>
    public required int Rules { get; init; }

    /// <summary>Skipped rows by reason, in <see cref="CivicSkipReasons.All"/> order; reasons with no row are left out.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> Skipped { get; init; }

    /// <summary>Therapy names that kept a row out, with how many rows each (for curators widening the drug vocabulary).</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> UnknownTherapies { get; init; }

    /// <summary>CIViC diseases (name and DOID) that kept a row out, with how many rows each.</summary>
    public required IReadOnlyList<KeyValuePair<string, int>> UnmappedDiseases { get; init; }
}
