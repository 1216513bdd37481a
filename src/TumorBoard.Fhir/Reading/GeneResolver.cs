using Hl7.Fhir.Model;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>A gene-studied value resolved to an HGNC symbol, or the name the lab used and why it did not resolve.</summary>
internal sealed record GeneName(string? Symbol, string Name, string? Problem)
{
    /// <summary>The symbol when resolved, else the lab's name upper-cased (kept on uninterpreted alterations).</summary>
    public string Display => Symbol ?? Name.ToUpperInvariant();
}

/// <summary>
/// Resolves a gene-studied concept through the vocabulary: the HGNC id code (STU3 system
/// <c>http://www.genenames.org</c>, STU1 <c>.../geneId</c>, also a bare number), then the display,
/// then the text; aliases such as HER2 resolve to ERBB2; an ambiguous alias is not guessed.
/// </summary>
internal static class GeneResolver
{
    public static GeneName Resolve(CodeableConcept? concept, GeneSymbols genes)
    {
        var candidates = new List<string>();
        foreach (var coding in FhirValues.Codings(concept))
        {
            var code = coding.Code?.Trim();
            if (!string.IsNullOrEmpty(code))
            {
                var isHgnc = coding.System?.Contains("genenames.org", StringComparison.OrdinalIgnoreCase) == true;
                candidates.Add(isHgnc && code.All(char.IsDigit) ? $"HGNC:{code}" : code);
            }
        }

        candidates.AddRange(FhirValues.Texts(concept).Reverse());
        return Resolve(candidates.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), genes, FhirValues.Texts(concept).LastOrDefault());
    }

    public static GeneName Resolve(IReadOnlyList<string> candidates, GeneSymbols genes, string? preferredName = null)
    {
        string? ambiguity = null;
        foreach (var candidate in candidates)
        {
            var resolution = genes.Resolve(candidate);
            if (resolution.Symbol is not null)
            {
                return new GeneName(resolution.Symbol, candidate, null);
            }

            if (resolution.Kind == GeneResolutionKind.Ambiguous)
            {
                ambiguity ??= $"the gene name '{candidate}' is an ambiguous alias ({string.Join(", ", resolution.Candidates)}); it is not resolved automatically";
            }
        }

        var name = preferredName ?? (candidates.Count > 0 ? candidates[0] : string.Empty);
        return new GeneName(null, name, ambiguity ?? (name.Length == 0 ? "no gene is named" : $"'{name}' is not an HGNC symbol, previous symbol or alias"));
    }
}
