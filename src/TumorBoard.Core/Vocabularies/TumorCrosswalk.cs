namespace TumorBoard.Core.Vocabularies;

/// <summary>
/// Maps diagnosis codes from other systems (SNOMED CT, ICD-10-CM, ICD-O-3 topography) to OncoTree codes, and
/// refines them with an ICD-O-3 (or equivalent SNOMED CT) morphology: C34 + 8140/3 -> LUAD, 8936/3 anywhere ->
/// GIST. ICD codes fall back to their category (C34.11 -> C34.1 -> C34) so a curated category covers its subcodes.
/// A morphology never moves a tumour outside the node its diagnosis code gives (NSCLC + small cell stays NSCLC,
/// reported as a conflict), except a site-independent morphology such as GIST.
/// </summary>
public sealed class TumorCrosswalk
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string IcdO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    public const string OncoTreeSystem = "http://oncotree.mskcc.org";

    private readonly Dictionary<(string System, string Code), TumorCodeMapping> _map = [];
    private readonly Dictionary<string, List<MorphologyRule>> _rulesByMorphology = new(StringComparer.Ordinal);
    private readonly Dictionary<(string System, string Code), string> _icdO3ByEquivalent = [];
    private readonly OncoTree? _oncoTree;

    /// <summary>Code mappings only, without morphology refinement.</summary>
    public TumorCrosswalk(IEnumerable<(string System, string Code, string OncotreeCode)> entries)
        : this(entries.Select(e => new TumorCodeMapping(e.System, e.Code, e.OncotreeCode)), [], [], null)
    {
    }

    /// <param name="mappings">Diagnosis codes to OncoTree; a later duplicate replaces an earlier one.</param>
    /// <param name="morphologyRules">ICD-O-3 morphology refinements.</param>
    /// <param name="morphologyEquivalents">Other morphology codes (SNOMED CT) and the ICD-O-3 code they mean.</param>
    /// <param name="oncoTree">The tree used to keep refinements inside the diagnosis code's node; null skips that check.</param>
    public TumorCrosswalk(
        IEnumerable<TumorCodeMapping> mappings,
        IEnumerable<MorphologyRule> morphologyRules,
        IEnumerable<MorphologyEquivalent> morphologyEquivalents,
        OncoTree? oncoTree)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(morphologyRules);
        ArgumentNullException.ThrowIfNull(morphologyEquivalents);
        foreach (var mapping in mappings)
        {
            _map[(mapping.System, TumorCodes.NormalizeCode(mapping.System, mapping.Code))] = mapping;
        }

        foreach (var rule in morphologyRules)
        {
            var key = TumorCodes.NormalizeMorphology(rule.Morphology);
            if (!_rulesByMorphology.TryGetValue(key, out var rules))
            {
                _rulesByMorphology[key] = rules = [];
            }

            rules.Add(rule);
        }

        foreach (var equivalent in morphologyEquivalents)
        {
            _icdO3ByEquivalent[(equivalent.System, equivalent.Code.Trim())] = TumorCodes.NormalizeMorphology(equivalent.IcdO3Morphology);
        }

        _oncoTree = oncoTree;
    }

    public int Count => _map.Count;

    public int MorphologyRuleCount => _rulesByMorphology.Values.Sum(r => r.Count);

    public string? ToOncotree(string? system, string? code) => FindMapping(system, code)?.Mapping.OncotreeCode;

    public string? ToOncotree(string? system, string? code, string? morphologySystem, string? morphologyCode) =>
        Resolve(system, code, morphologySystem, morphologyCode).OncotreeCode;

    /// <summary>The tumour type of a diagnosis code refined by its histology morphology, with what the morphology did.</summary>
    public TumorTypeMatch Resolve(string? system, string? code, string? morphologySystem, string? morphologyCode)
    {
        var found = FindMapping(system, code);
        var site = found?.Mapping.OncotreeCode;
        if (string.IsNullOrWhiteSpace(morphologyCode))
        {
            return new TumorTypeMatch(site, site, MorphologyOutcome.NotGiven);
        }

        var morphology = ToIcdO3Morphology(morphologySystem, morphologyCode);
        if (morphology is null)
        {
            return new TumorTypeMatch(site, site, MorphologyOutcome.UnknownCode);
        }

        var topography = system == IcdO3 && !string.IsNullOrWhiteSpace(code)
            ? TumorCodes.NormalizeTopography(code)
            : found?.Topography;

        if (topography is not null && FindSiteRule(morphology, topography) is { } siteRule)
        {
            return site is null || _oncoTree is null || _oncoTree.IsSelfOrDescendantOf(siteRule.OncotreeCode, site)
                ? new TumorTypeMatch(siteRule.OncotreeCode, site, MorphologyOutcome.Refined)
                : new TumorTypeMatch(site, site, MorphologyOutcome.Conflict);
        }

        return FindSiteIndependentRule(morphology) is { } anywhere
            ? new TumorTypeMatch(anywhere.OncotreeCode, site, MorphologyOutcome.SiteIndependent)
            : new TumorTypeMatch(site, site, MorphologyOutcome.NoRule);
    }

    private (TumorCodeMapping Mapping, string? Topography)? FindMapping(string? system, string? code)
    {
        if (string.IsNullOrWhiteSpace(system) || string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var normalized = TumorCodes.NormalizeCode(system, code);
        for (var candidate = normalized; candidate.Length >= 3; candidate = candidate[..^1])
        {
            if (_map.TryGetValue((system, candidate), out var mapping))
            {
                return (mapping, TopographyOf(mapping, system, normalized));
            }

            if (!TumorCodes.IsIcd(system))
            {
                break;
            }
        }

        return null;
    }

    // A mapping whose topography is its own code lends ICD-O-3 numbering to its subcodes (C18.1 = appendix).
    private static string? TopographyOf(TumorCodeMapping mapping, string system, string normalizedInput)
    {
        if (mapping.Topography is null)
        {
            return null;
        }

        var topography = TumorCodes.NormalizeTopography(mapping.Topography);
        return TumorCodes.IsIcd(system) && topography == TumorCodes.NormalizeCode(system, mapping.Code)
            ? normalizedInput
            : topography;
    }

    private string? ToIcdO3Morphology(string? system, string code)
    {
        if (string.IsNullOrWhiteSpace(system) || system == IcdO3)
        {
            var normalized = TumorCodes.NormalizeMorphology(code);
            return TumorCodes.IsIcdO3Morphology(normalized) ? normalized : null;
        }

        return _icdO3ByEquivalent.TryGetValue((system, code.Trim()), out var icdO3) ? icdO3 : null;
    }

    // Exact behaviour first; a metastatic (/6) or uncertain-primary (/9) behaviour describes the same histology as /3.
    private static IEnumerable<string> MorphologyCandidates(string morphology)
    {
        yield return morphology;
        if (morphology.EndsWith("/6", StringComparison.Ordinal) || morphology.EndsWith("/9", StringComparison.Ordinal))
        {
            yield return morphology[..^1] + "3";
        }
    }

    private MorphologyRule? FindSiteRule(string morphology, string topography)
    {
        foreach (var candidate in MorphologyCandidates(morphology))
        {
            var best = _rulesByMorphology.GetValueOrDefault(candidate)?
                .Where(r => r.Topography is not null && topography.StartsWith(TumorCodes.NormalizeTopography(r.Topography), StringComparison.Ordinal))
                .MaxBy(r => r.Topography!.Length);
            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    private MorphologyRule? FindSiteIndependentRule(string morphology) =>
        MorphologyCandidates(morphology)
            .Select(candidate => _rulesByMorphology.GetValueOrDefault(candidate)?.FirstOrDefault(r => r.Topography is null))
            .FirstOrDefault(rule => rule is not null);
}
