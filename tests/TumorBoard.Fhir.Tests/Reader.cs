using TumorBoard.Core.Ingestion;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.Fhir.Tests;

/// <summary>Reads bodies with the embedded (shipped) vocabulary.</summary>
internal static class Reader
{
    private static readonly GenomicBundleReader Instance = new(VocabularyLoader.LoadEmbedded());

    public static BundleReadResult Read(string body, FhirFormat format = FhirFormat.Json) => Instance.Read(body, format);

    /// <summary>Reads a body that must parse (not malformed) and returns its bundle.</summary>
    public static ParsedBundle Parsed(string body, FhirFormat format = FhirFormat.Json)
    {
        var result = Read(body, format);
        Assert.False(result.IsMalformed, string.Join("\n", result.Issues));
        return result.Bundle!;
    }

    /// <summary>Reads a body that must parse without errors.</summary>
    public static ParsedBundle Accepted(string body, FhirFormat format = FhirFormat.Json)
    {
        var bundle = Parsed(body, format);
        Assert.False(bundle.HasErrors, string.Join("\n", bundle.Issues.Where(i => i.Severity <= IssueSeverity.Error)));
        return bundle;
    }
}
