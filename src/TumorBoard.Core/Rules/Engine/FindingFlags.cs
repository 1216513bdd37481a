using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>
/// Caveats and flags a finding carries because of where or how its alteration was found, not because of the
/// rule: an assumed histology, a plasma-only finding in a clonal-haematopoiesis gene, a tumour-only finding
/// that suggests a germline variant. They never decline a rule; the board decides.
/// </summary>
internal static class FindingFlags
{
    public const string HistologyAssumed = "histology-assumed";
    public const string ClonalHaematopoiesis = "possible-clonal-haematopoiesis";
    public const string GermlineReferral = "germline-referral";

    public static void AddTumorAndSample(ContextOutcome outcome, TumorContext tumor, PatientProfile patient, KnowledgeBase knowledgeBase)
    {
        if (tumor.AssumptionCaveat is { } assumed)
        {
            outcome.Caveats.Insert(0, assumed);
            outcome.Flags.Add(HistologyAssumed);
        }

        if (patient.PlasmaOnlyAlterationKeys.Count == 0)
        {
            return;
        }

        foreach (var alteration in outcome.Kept)
        {
            if (knowledgeBase.ClonalHaematopoiesis.Genes.Contains(alteration.Gene) && patient.PlasmaOnlyAlterationKeys.Contains(alteration.Key))
            {
                outcome.Caveats.Add($"possible clonal haematopoiesis: {alteration.Key} was found only in plasma and {alteration.Gene} variants can come from blood cells; confirm in tissue");
                if (!outcome.Flags.Contains(ClonalHaematopoiesis))
                {
                    outcome.Flags.Add(ClonalHaematopoiesis);
                }
            }
        }
    }

    /// <summary>Tumour-only findings that suggest a germline variant (see <see cref="GermlineReferralRule"/>).</summary>
    public static List<GermlineReferral> Referrals(PatientProfile patient, IReadOnlyList<TherapyMatch> therapies, GermlineReferralRule rule)
    {
        var referrals = new List<GermlineReferral>();
        if (rule.Genes.Count == 0)
        {
            return referrals;
        }

        HashSet<string>? seen = null;
        HashSet<string>? actionable = null;
        foreach (var alteration in patient.Alterations)
        {
            // The VAF test first: it is cheaper than the gene look-up and rules out most alterations.
            if (alteration.Origin != VariantOrigin.Unknown || !rule.VafSuggestsGermline(alteration.Vaf) || !rule.Genes.Contains(alteration.Gene)
                || !(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(alteration.Key))
            {
                continue;
            }

            var truncating = alteration.Protein?.Kind is ProteinChangeKind.Nonsense or ProteinChangeKind.Frameshift || CanonicalSpliceSite.Is(alteration.CodingChange);
            if (!truncating && !(actionable ??= ActionableKeys(therapies)).Contains(alteration.Key))
            {
                continue;
            }

            referrals.Add(new GermlineReferral(
                alteration.Key,
                alteration.Gene,
                alteration.Vaf,
                $"consider germline testing: {alteration.Key} in the cancer-predisposition gene {alteration.Gene} was found by tumour-only sequencing (origin not proven) at VAF {alteration.Vaf:0.##}, compatible with a germline variant"));
        }

        return referrals;
    }

    // Keys of the alterations fired rules matched.
    private static HashSet<string> ActionableKeys(IReadOnlyList<TherapyMatch> therapies)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var therapy in therapies)
        {
            foreach (var alteration in therapy.MatchedAlterations)
            {
                keys.Add(alteration.Key);
            }
        }

        return keys;
    }

    public static TherapyMatch WithReferrals(TherapyMatch match, List<GermlineReferral> referrals)
    {
        var hits = referrals.FindAll(r => match.MatchedAlterations.Any(a => a.Key == r.AlterationKey));
        return hits.Count == 0
            ? match
            : match with { Caveats = [.. match.Caveats, .. hits.Select(h => h.Reason)], Flags = [.. match.Flags, GermlineReferral] };
    }
}
