using System.Text.RegularExpressions;
using TumorBoard.Api.ReadModels;

namespace TumorBoard.Api.Features.Board;

/// <summary>Where a citation can be read: PubMed for PMIDs, ClinicalTrials.gov for NCT ids, Drugs@FDA for an application number.</summary>
public static partial class CitationLinks
{
    public static string? Url(CitationDto citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return citation.Type switch
        {
            "pmid" => $"https://pubmed.ncbi.nlm.nih.gov/{Uri.EscapeDataString(citation.Id)}/",
            "nct" => $"https://clinicaltrials.gov/study/{Uri.EscapeDataString(citation.Id)}",
            "url" when citation.Id.StartsWith("https://", StringComparison.Ordinal) || citation.Id.StartsWith("http://", StringComparison.Ordinal) => citation.Id,
            "fda" when ApplicationNumber().Match(citation.Id) is { Success: true } m =>
                $"https://www.accessdata.fda.gov/scripts/cder/daf/index.cfm?event=overview.process&ApplNo={m.Groups[1].Value}",
            "fda" when citation.Id.StartsWith("https://", StringComparison.Ordinal) => citation.Id,
            _ => null,
        };
    }

    public static string Label(CitationDto citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return citation.Type switch
        {
            "pmid" => $"PubMed {citation.Id}",
            "nct" => citation.Id,
            "fda" => $"FDA {citation.Id}",
            _ => Host(citation.Id),
        };
    }

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;

    [GeneratedRegex(@"^(?:NDA|BLA|ANDA)?\s*0*(\d{5,6})$", RegexOptions.IgnoreCase)]
    private static partial Regex ApplicationNumber();
}
