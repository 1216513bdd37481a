using TumorBoard.Core.Ingestion;

namespace TumorBoard.Fhir;

/// <summary>
/// What <see cref="GenomicBundleReader.Read"/> made of a body. Either the body is
/// <see cref="IsMalformed"/> (not parseable JSON/XML or not a FHIR resource: answer 400 with
/// <see cref="Issues"/>), or it is a <see cref="Bundle"/> whose <see cref="ParsedBundle.HasErrors"/>
/// decides between 422 and storing it (its warnings travel with the stored result).
/// </summary>
public sealed class BundleReadResult
{
    private BundleReadResult(ParsedBundle? bundle, IReadOnlyList<IngestIssue> issues)
    {
        Bundle = bundle;
        Issues = issues;
    }

    /// <summary>The parsed bundle; null when the body is malformed.</summary>
    public ParsedBundle? Bundle { get; }

    /// <summary>Every issue found: the syntax problems of a malformed body, else the bundle's issues.</summary>
    public IReadOnlyList<IngestIssue> Issues { get; }

    public bool IsMalformed => Bundle is null;

    public static BundleReadResult Malformed(IReadOnlyList<IngestIssue> issues) => new(null, issues);

    public static BundleReadResult Parsed(ParsedBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return new(bundle, bundle.Issues);
    }
}
