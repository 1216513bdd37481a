using Hl7.Fhir.Model;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Everything a Variant Observation states, read once from its components: genes, protein and coding
/// changes, the lab's descriptive texts, VAF, copy number, origin and change type. Problems found
/// while reading (an unreadable protein change, a VAF above 1 without a % unit) are reported here.
/// </summary>
internal sealed class VariantFacts
{
    public required IReadOnlyList<(GeneName Gene, string Path)> Genes { get; init; }

    public required ProteinChange? Protein { get; init; }

    public required string? ProteinText { get; init; }

    public required CodingChange? Coding { get; init; }

    public required IReadOnlyList<string> Descriptions { get; init; }

    public required decimal? Vaf { get; init; }

    public required decimal? CopyNumber { get; init; }

    public required VariantOrigin Origin { get; init; }

    public required IReadOnlyList<string> ChangeTypes { get; init; }

    public string? Description => Descriptions.Count > 0 ? Descriptions[0] : null;

    public static VariantFacts Read(Observation observation, string path, GeneSymbols geneSymbols, IssueList issues)
    {
        var components = new ObservationComponents(observation, path);
        var descriptions = ReadDescriptions(observation, components);
        var genes = components.All(FhirCodes.GeneStudied)
            .Select(c => (GeneResolver.Resolve(c.Concept, geneSymbols), c.Path))
            .ToList();
        if (genes.Count == 0 && GeneFromText(descriptions, geneSymbols) is { } fromText)
        {
            genes.Add((fromText, path));
        }

        var proteinComponent = components.First(FhirCodes.ProteinHgvs);
        var proteinText = proteinComponent?.CodeOrText?.Trim();
        var protein = ProteinChangeParser.Parse(proteinText);
        if (protein is null && !string.IsNullOrEmpty(proteinText) && !IsUnknownEffect(proteinText))
        {
            issues.Warning("value", $"The protein change '{proteinText}' is not HGVS p. notation the service can read.", proteinComponent!.Path);
        }

        protein ??= descriptions.Select(ProteinChangeParser.FindInText).FirstOrDefault(p => p is not null);

        var coding = CodingChange.Parse(components.First(FhirCodes.CodingHgvs)?.CodeOrText)
            ?? descriptions.SelectMany(d => d.Split(' ', '(', ')')).Where(w => w.Contains("c.", StringComparison.Ordinal)).Select(CodingChange.Parse).FirstOrDefault(c => c is not null);
        if (coding is { Transcript: null } && components.First(FhirCodes.TranscriptRefSeq)?.CodeOrText is { } transcript)
        {
            coding = coding with { Transcript = transcript.Trim() };
        }

        return new VariantFacts
        {
            Genes = genes,
            Protein = protein,
            ProteinText = proteinText,
            Coding = coding,
            Descriptions = descriptions,
            Vaf = ReadVaf(components.First(FhirCodes.AlleleFrequency), issues),
            CopyNumber = ReadCopyNumber(components.First(FhirCodes.CopyNumber), issues),
            Origin = ReadOrigin(components.First(FhirCodes.GenomicSourceClass)?.Concept),
            ChangeTypes = components.All(FhirCodes.CodingChangeType).Concat(components.All("molecular-consequence"))
                .SelectMany(c => FhirValues.Codings(c.Concept)).Select(c => c.Code?.Trim()).OfType<string>().ToList(),
        };
    }

    /// <summary>p.? (effect unknown) and p.0 (no protein) are valid HGVS that carry no change to match.</summary>
    private static bool IsUnknownEffect(string text) => text.EndsWith("p.?", StringComparison.Ordinal) || text.EndsWith("p.0", StringComparison.Ordinal)
        || text.EndsWith("p.(?)", StringComparison.Ordinal) || text.EndsWith("p.0?", StringComparison.Ordinal);

    /// <summary>The lab's words: variation-code texts, ISCN, a string value, the conclusion string.</summary>
    private static List<string> ReadDescriptions(Observation observation, ObservationComponents components)
    {
        var texts = new List<string>();
        foreach (var component in components.All(FhirCodes.VariationCode).Concat(components.All(FhirCodes.CytogenomicNomenclature)))
        {
            texts.AddRange(component.Component.Value switch
            {
                FhirString s when !string.IsNullOrWhiteSpace(s.Value) => [s.Value.Trim()],
                CodeableConcept c => FhirValues.Texts(c),
                _ => [],
            });
        }

        if (observation.Value is FhirString value && !string.IsNullOrWhiteSpace(value.Value))
        {
            texts.Add(value.Value.Trim());
        }

        // Last resort, so a variant given only as genomic HGVS still has a stable key.
        if (components.First(FhirCodes.GenomicHgvs)?.CodeOrText is { } genomic && !string.IsNullOrWhiteSpace(genomic))
        {
            texts.Add(genomic.Trim());
        }

        return texts.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>A gene named in the lab's text: the first word ("EGFR L858R") or a name in parentheses ("NM_000251.3(MSH2):c...").</summary>
    private static GeneName? GeneFromText(IReadOnlyList<string> descriptions, GeneSymbols geneSymbols)
    {
        foreach (var text in descriptions)
        {
            var words = text.Split([' ', '(', ')', ':', ','], StringSplitOptions.RemoveEmptyEntries);
            var candidates = words.Take(1).Concat(words.Skip(1).Where(w => w.All(char.IsLetterOrDigit) && w.Any(char.IsLetter))).ToList();
            foreach (var word in candidates)
            {
                if (geneSymbols.Resolve(word).Symbol is { } symbol)
                {
                    return new GeneName(symbol, word, null);
                }
            }
        }

        return null;
    }

    private static decimal? ReadVaf(LocatedComponent? component, IssueList issues)
    {
        if (component?.Component.Value is not Quantity quantity || quantity.Value is not { } value)
        {
            return null;
        }

        var percent = (quantity.Unit?.Contains('%', StringComparison.Ordinal) ?? false) || quantity.Code?.Trim() == "%";
        var fraction = percent ? value / 100m : value;
        if (fraction is < 0m or > 1m)
        {
            issues.Warning("value", $"The allele frequency {value} is not a fraction between 0 and 1 (a percentage needs the unit %); it is ignored.", component.Path);
            return null;
        }

        return fraction;
    }

    /// <summary>Far beyond the highest focal amplifications reported; above it the value is a sender's error.</summary>
    private const decimal MaxCopyNumber = 10_000m;

    private static decimal? ReadCopyNumber(LocatedComponent? component, IssueList issues)
    {
        if (component?.Component.Value is not { } value)
        {
            return null;
        }

        var number = value is Hl7.Fhir.Model.Range { Low.Value: { } low, High.Value: { } high } && low == high
            ? low
            : FhirValues.QuantityValue(value);
        if (number is null or < 0m or > MaxCopyNumber)
        {
            issues.Warning("value", "The copy number is not a single plausible number (0 to 10,000); the lab's call (if any) is used instead.", component.Path);
            return null;
        }

        return number;
    }

    private static VariantOrigin ReadOrigin(CodeableConcept? concept)
    {
        if (FhirValues.HasCode(concept, FhirCodes.Germline))
        {
            return VariantOrigin.Germline;
        }

        if (FhirValues.HasCode(concept, FhirCodes.Somatic))
        {
            return VariantOrigin.Somatic;
        }

        var text = string.Join(' ', FhirValues.Texts(concept));
        return text.Contains("germline", StringComparison.OrdinalIgnoreCase) ? VariantOrigin.Germline
            : text.Contains("somatic", StringComparison.OrdinalIgnoreCase) ? VariantOrigin.Somatic
            : VariantOrigin.Unknown;
    }
}
