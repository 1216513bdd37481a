using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>Whether a clinical fact satisfies, contradicts, or cannot decide a requirement.</summary>
internal enum FactCheck
{
    Satisfied,
    Contradicted,
    Unknown,
}

/// <summary>Checks a rule's context (origin, receptor status, prior therapy) against the patient.</summary>
internal static class ContextEvaluator
{
    public static FactCheck Check(ReceptorRequirement requirement, IReadOnlyDictionary<ClinicalMarker, MarkerStatus> markers)
    {
        if (markers.TryGetValue(requirement.Marker, out var status))
        {
            return Compare(requirement.Status, status);
        }

        if (requirement.Marker != ClinicalMarker.HormoneReceptor)
        {
            return FactCheck.Unknown;
        }

        // HR status from its parts: HR+ when ER or PR is positive; HR- only when both are negative.
        var er = markers.TryGetValue(ClinicalMarker.EstrogenReceptor, out var e) ? Compare(MarkerStatus.Positive, e) : FactCheck.Unknown;
        var pr = markers.TryGetValue(ClinicalMarker.ProgesteroneReceptor, out var p) ? Compare(MarkerStatus.Positive, p) : FactCheck.Unknown;
        var positive = er == FactCheck.Satisfied || pr == FactCheck.Satisfied
            ? FactCheck.Satisfied
            : er == FactCheck.Contradicted && pr == FactCheck.Contradicted ? FactCheck.Contradicted : FactCheck.Unknown;
        return requirement.Status == MarkerStatus.Positive ? positive : Invert(positive);
    }

    public static bool HadPriorTherapy(PriorTherapyRequirement requirement, IReadOnlyList<PriorTherapy> therapies, KnowledgeBase knowledgeBase)
    {
        foreach (var therapy in therapies)
        {
            foreach (var drug in therapy.Drugs)
            {
                if (requirement.Drugs.Contains(drug, StringComparer.OrdinalIgnoreCase))
                {
                    return true;
                }

                foreach (var drugClass in requirement.Classes)
                {
                    if (knowledgeBase.DrugClasses.TryGetValue(drugClass, out var members) && members.Contains(drug, StringComparer.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static FactCheck Compare(MarkerStatus required, MarkerStatus actual)
    {
        if (actual == MarkerStatus.Equivocal)
        {
            return FactCheck.Unknown;
        }

        // HER2-low is HER2-negative for indications written as HER2-negative.
        var normalised = actual == MarkerStatus.Low && required == MarkerStatus.Negative ? MarkerStatus.Negative : actual;
        return normalised == required ? FactCheck.Satisfied : FactCheck.Contradicted;
    }

    private static FactCheck Invert(FactCheck check) => check switch
    {
        FactCheck.Satisfied => FactCheck.Contradicted,
        FactCheck.Contradicted => FactCheck.Satisfied,
        _ => FactCheck.Unknown,
    };
}
