namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// The synthetic FHIR bundles shipped in src/TumorBoard.Api/Demo (embedded as <c>Demo/&lt;file&gt;</c>): loaded by
/// <c>seed-demo</c> and shown as the ingestion route's OpenAPI example, so neither feature reaches into the other.
/// </summary>
public static class DemoBundles
{
    public const string ResourcePrefix = "Demo/";

    /// <summary>The resource names of every shipped bundle, in ordinal order.</summary>
    public static IReadOnlyList<string> Names() =>
        typeof(DemoBundles).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>One bundle's JSON by file name (<c>lung-egfr-t790m-after-erlotinib.json</c>).</summary>
    public static string Read(string fileName)
    {
        using var stream = typeof(DemoBundles).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new ArgumentException($"No demo bundle {fileName}.", nameof(fileName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
