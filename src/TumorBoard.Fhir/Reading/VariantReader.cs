using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Vocabularies;
using TumorBoard.Fhir.Parsing;

namespace TumorBoard.Fhir.Reading;

/// <summary>
/// Turns a Variant Observation (LOINC 69548-6) into one normalised <see cref="Alteration"/>: a fusion
/// (fusion change type, two genes studied, or fusion text), a copy-number change (copy-number change
/// type or a copy number without a protein change), else an SNV/indel. A variant reported absent or
/// not called is no alteration. What cannot be interpreted is kept with Interpreted=false and a warning.
/// </summary>
internal static partial class VariantReader
{
    public static Alteration? Read(Located<Observation> located, Vocabulary vocabulary, IssueList issues)
    {
        var (observation, path) = (located.Resource, located.Path);
        if (FhirValues.HasCode(observation.Value as CodeableConcept, FhirCodes.Absent) || FhirValues.HasCode(observation.Value as CodeableConcept, FhirCodes.NoCall))
        {
            issues.Information("informational", "The variant is reported absent or not called; it is not an alteration.", $"{path}.value");
            return null;
        }

        var facts = VariantFacts.Read(observation, path, vocabulary.Genes, issues);
        foreach (var (gene, genePath) in facts.Genes.Where(g => g.Gene.Problem is not null))
        {
            issues.Warning("code-invalid", $"Gene not resolved: {gene.Problem}. The alteration is kept but not interpreted.", genePath);
        }

        var alteration = IsFusion(facts) ? Fusion(facts, vocabulary.Genes)
            : IsCopyNumber(facts) ? CopyNumberChange(facts)
            : SequenceVariant(facts);
        if (!alteration.Interpreted && facts.Genes.All(g => g.Gene.Problem is null))
        {
            issues.Warning("not-supported", $"The variant '{alteration.Key}' could not be interpreted ({Why(facts)}); it is kept and reported but never matches a rule.", path);
        }

        return alteration;
    }

    private static bool IsFusion(VariantFacts facts) =>
        facts.ChangeTypes.Any(FhirCodes.FusionChangeTypes.Contains)
        || facts.Genes.Select(g => g.Gene.Display).Distinct(StringComparer.Ordinal).Count() >= 2
        || (facts.Protein is null && facts.Descriptions.Any(FusionNotation.LooksLikeFusion));

    private static bool IsCopyNumber(VariantFacts facts) =>
        facts.Protein is null
        && (facts.ChangeTypes.Any(FhirCodes.CopyNumberChangeTypes.Contains)
            || facts.CopyNumber is not null
            || (facts.Coding is null && facts.Descriptions.Any(d => CopyNumberWords().IsMatch(d) && !ExonLevel().IsMatch(d))));

    private static Alteration Fusion(VariantFacts facts, GeneSymbols genes)
    {
        var fromText = facts.Descriptions
            .Where(FusionNotation.LooksLikeFusion)
            .Select(d => FusionNotation.Parse(d, genes))
            .OfType<FusionPartners>()
            .ToList();
        var studied = facts.Genes.Select(g => g.Gene).DistinctBy(g => g.Display).ToList();
        var partners = fromText.FirstOrDefault(p => p.PartnerKnown)
            ?? (studied.Count >= 2
                ? new FusionPartners(studied.Take(2).Select(g => g.Display).ToList(), studied.Where(g => g.Symbol is null).Select(g => g.Name).ToList())
                : fromText.FirstOrDefault())
            ?? (studied.Count == 1 ? new FusionPartners([studied[0].Display], studied[0].Symbol is null ? [studied[0].Name] : []) : null);
        if (partners is null)
        {
            return Base(facts, string.Empty, AlterationKind.Fusion, AlterationKeys.Uninterpreted(string.Empty, facts.Description ?? "fusion"), false);
        }

        var interpreted = partners.Unresolved.Count == 0 && studied.All(g => g.Symbol is not null);
        return Base(facts, partners.ThreePrimeGene, AlterationKind.Fusion, AlterationKeys.Fusion(partners.Genes), interpreted) with
        {
            FusionGenes = partners.Genes,
        };
    }

    private static Alteration CopyNumberChange(VariantFacts facts)
    {
        var gene = GeneOf(facts);
        var soCode = facts.ChangeTypes.FirstOrDefault(FhirCodes.CopyNumberChangeTypes.Contains);
        var call = CopyNumberCalls.Classify(soCode, facts.Description, facts.CopyNumber);
        var interpreted = gene.Symbol is not null && call is not null;
        return Base(facts, gene.Display, AlterationKind.Cna, AlterationKeys.CopyNumber(gene.Display, call, facts.Description), interpreted) with
        {
            CopyNumber = facts.CopyNumber,
            CnaCall = call,
        };
    }

    private static Alteration SequenceVariant(VariantFacts facts)
    {
        var gene = GeneOf(facts);
        var exonLevel = facts.Protein is null && facts.Coding is null && facts.Descriptions.Any(d => ExonLevel().IsMatch(d));
        var interpreted = gene.Symbol is not null && (facts.Protein is not null || facts.Coding is not null || exonLevel);
        var key = AlterationKeys.Variant(gene.Display, facts.Protein, facts.Coding?.Change, facts.Description ?? facts.ProteinText);
        return Base(facts, gene.Display, KindOf(facts), key, interpreted);
    }

    private static AlterationKind KindOf(VariantFacts facts)
    {
        if (facts.Protein is { } protein)
        {
            return protein.Kind switch
            {
                ProteinChangeKind.Frameshift or ProteinChangeKind.InframeDeletion or ProteinChangeKind.InframeInsertion
                    or ProteinChangeKind.Delins or ProteinChangeKind.Duplication => AlterationKind.Indel,
                ProteinChangeKind.Other => facts.ChangeTypes.Any(FhirCodes.IndelChangeTypes.Contains) ? AlterationKind.Indel : AlterationKind.Snv,
                _ => AlterationKind.Snv,
            };
        }

        if (facts.ChangeTypes.Any(FhirCodes.IndelChangeTypes.Contains))
        {
            return AlterationKind.Indel;
        }

        var change = facts.Coding?.Change ?? facts.Description ?? string.Empty;
        return change.Contains('>', StringComparison.Ordinal) ? AlterationKind.Snv
            : IndelWords().IsMatch(change) ? AlterationKind.Indel
            : AlterationKind.Other;
    }

    private static GeneName GeneOf(VariantFacts facts) =>
        facts.Genes.Count > 0 ? facts.Genes[0].Gene : new GeneName(null, string.Empty, "no gene is named");

    private static Alteration Base(VariantFacts facts, string gene, AlterationKind kind, string key, bool interpreted) => new()
    {
        Key = key,
        Gene = gene,
        Kind = kind,
        Protein = facts.Protein,
        CodingChange = facts.Coding?.Change,
        Transcript = facts.Coding?.Transcript,
        Vaf = facts.Vaf,
        Origin = facts.Origin,
        Description = facts.Description,
        Interpreted = interpreted,
    };

    private static string Why(VariantFacts facts) => facts.Genes.Count == 0
        ? "no gene is named"
        : "no protein change, coding change, copy-number call or fusion partner the service can read";

    [GeneratedRegex(@"amplif|copy[\s-]*number|homozygous deletion|deep deletion|\bgain\b|\bloss\b", RegexOptions.IgnoreCase)]
    private static partial Regex CopyNumberWords();

    [GeneratedRegex(@"\bexon\s*\d+|skipping|\bITD\b|\bvIII\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExonLevel();

    [GeneratedRegex(@"del|ins|dup|fs|deletion|insertion|duplication", RegexOptions.IgnoreCase)]
    private static partial Regex IndelWords();
}
