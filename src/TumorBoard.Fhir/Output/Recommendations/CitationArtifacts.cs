using Hl7.Fhir.Model;
using TumorBoard.Core.Rules;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>
/// A rule's sources as <c>workflow-relatedArtifact</c> extensions (the implication profile's slice for
/// them): type citation, the identifier as citation text, a link where the identifier gives one, and
/// the curator's note as display.
/// </summary>
internal static class CitationArtifacts
{
    public static Extension ToExtension(Citation citation) =>
        new(GenomicsIg.WorkflowRelatedArtifact, ToArtifact(citation));

    private static RelatedArtifact ToArtifact(Citation citation)
    {
        var id = citation.Id.Trim();
        var artifact = new RelatedArtifact
        {
            Type = RelatedArtifact.RelatedArtifactType.Citation,
            Display = string.IsNullOrWhiteSpace(citation.Note) ? null : citation.Note,
        };
        switch (citation.Type)
        {
            case CitationType.Pmid:
                artifact.Citation = $"PMID: {id}";
                artifact.Url = $"https://pubmed.ncbi.nlm.nih.gov/{Uri.EscapeDataString(id)}/";
                break;
            case CitationType.Nct:
                artifact.Citation = $"ClinicalTrials.gov {id}";
                artifact.Url = $"https://clinicaltrials.gov/study/{Uri.EscapeDataString(id)}";
                break;
            case CitationType.Fda:
                artifact.Citation = $"FDA: {id}";
                artifact.Url = IsWebAddress(id) ? id : null;
                break;
            default:
                artifact.Url = IsWebAddress(id) ? id : null;
                artifact.Citation = artifact.Url is null ? id : null;
                break;
        }

        return artifact;
    }

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
