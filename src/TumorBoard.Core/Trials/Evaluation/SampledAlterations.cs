using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>
/// The patient's interpretable alterations filed by the rules engine's index keys (gene, fusion partners,
/// TMB/MSI), each with the sample it came from, so a criterion looks only at the genes it names. Germline
/// variants of a normal sample are kept for germline-origin criteria only.
/// </summary>
internal sealed class SampledAlterations
{
    private readonly Dictionary<string, List<MatchedAlteration>> _byKey = new(StringComparer.Ordinal);

    public SampledAlterations(IReadOnlyList<TrialSample> samples)
    {
        foreach (var sample in samples)
        {
            foreach (var alteration in sample.Alterations)
            {
                // A normal (germline) sample only speaks for germline variants; GenomicEvaluator lets them
                // select only criteria that ask for germline origin (SAFIR02-Breast's gBRCA1/2).
                if (!alteration.Interpreted || (sample.Role == SpecimenRole.Normal && alteration.Origin != VariantOrigin.Germline))
                {
                    continue;
                }

                var item = new MatchedAlteration(alteration, sample.ReportId, sample.Role);
                // CTML nodes naming no gene (any_gene on both sides) look fusions up under one key.
                var keys = alteration.Kind == AlterationKind.Fusion ? IndexKeys.Of(alteration).Append(Ctml.CtmlGenomicMatcher.AnyFusionKey) : IndexKeys.Of(alteration);
                foreach (var key in keys)
                {
                    if (!_byKey.TryGetValue(key, out var list))
                    {
                        list = new List<MatchedAlteration>(2);
                        _byKey[key] = list;
                    }

                    list.Add(item);
                }
            }
        }
    }

    public IEnumerable<string> Keys => _byKey.Keys;

    public IReadOnlyList<MatchedAlteration> For(string key, SampleScope scope)
    {
        if (!_byKey.TryGetValue(key, out var list))
        {
            return [];
        }

        return scope == SampleScope.Any ? list : list.FindAll(a => InScope(a.Role, scope));
    }

    private static bool InScope(SpecimenRole role, SampleScope scope) => scope switch
    {
        SampleScope.Tissue => role is SpecimenRole.Primary or SpecimenRole.Metastasis,
        SampleScope.Primary => role == SpecimenRole.Primary,
        SampleScope.Metastasis => role == SpecimenRole.Metastasis,
        SampleScope.Ctdna => role == SpecimenRole.Ctdna,
        _ => true,
    };
}
