using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Core.Trials.Criteria;

namespace TumorBoard.Core.Trials.Evaluation;

/// <summary>
/// The patient's interpretable alterations filed by the rules engine's index keys (gene, fusion partners,
/// TMB/MSI), each with the sample it came from, so a criterion looks only at the genes it names.
/// </summary>
internal sealed class SampledAlterations
{
    private readonly Dictionary<string, List<MatchedAlteration>> _byKey = new(StringComparer.Ordinal);

    public SampledAlterations(IReadOnlyList<TrialSample> samples)
    {
        foreach (var sample in samples)
        {
            if (sample.Role == SpecimenRole.Normal)
            {
                continue;
            }

            foreach (var alteration in sample.Alterations)
            {
                if (!alteration.Interpreted)
                {
                    continue;
                }

                var item = new MatchedAlteration(alteration, sample.ReportId, sample.Role);
                foreach (var key in IndexKeys.Of(alteration))
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
