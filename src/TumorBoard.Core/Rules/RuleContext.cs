using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;

namespace TumorBoard.Core.Rules;

/// <summary>Which variant origins satisfy a rule.</summary>
public enum RequiredOrigin
{
    /// <summary>Any origin.</summary>
    Any,

    /// <summary>
    /// Proven germline only. Unknown origin does not satisfy it: tumour-only sequencing cannot prove
    /// germline origin, so the rule is declined with a genetic-counselling note.
    /// </summary>
    Germline,

    /// <summary>Not proven germline: somatic or unknown (a tumour-only report's unknown origin is treated as somatic).</summary>
    Somatic,
}

/// <summary>The one reading of <see cref="RequiredOrigin"/>, shared by the rules engine and trial eligibility.</summary>
public static class RequiredOriginExtensions
{
    /// <summary>Whether an alteration of <paramref name="origin"/> satisfies the requirement (unknown counts as somatic).</summary>
    public static bool Allows(this RequiredOrigin required, VariantOrigin origin) => required switch
    {
        RequiredOrigin.Germline => origin == VariantOrigin.Germline,
        RequiredOrigin.Somatic => origin != VariantOrigin.Germline,
        _ => true,
    };
}

/// <summary>A receptor status the indication requires (HR positive, HER2 negative).</summary>
public sealed record ReceptorRequirement(ClinicalMarker Marker, MarkerStatus Status)
{
    public string Describe() => Marker switch
    {
        ClinicalMarker.HormoneReceptor => "HR",
        ClinicalMarker.EstrogenReceptor => "ER",
        ClinicalMarker.ProgesteroneReceptor => "PR",
        _ => "HER2",
    } + (Status == MarkerStatus.Positive ? "+" : Status == MarkerStatus.Negative ? "-" : $" {Status.ToString().ToLowerInvariant()}");
}

/// <summary>Prior therapy the indication requires: any listed drug, or any drug of a listed class.</summary>
public sealed record PriorTherapyRequirement(IReadOnlyList<string> Drugs, IReadOnlyList<string> Classes)
{
    public string Describe() => string.Join(" or ", Drugs.Concat(Classes.Select(c => $"class {c}")));
}

/// <summary>What besides the biomarker and tumour type must hold for a rule to apply.</summary>
public sealed record RuleContext(RequiredOrigin Origin, IReadOnlyList<ReceptorRequirement> Receptors, PriorTherapyRequirement? PriorTherapy)
{
    public static readonly RuleContext None = new(RequiredOrigin.Any, [], null);

    /// <summary>
    /// Further prior-therapy requirements that must all hold besides <see cref="PriorTherapy"/> (datopotamab
    /// deruxtecan: after an EGFR TKI <em>and</em> after platinum). Each is shown as a precondition.
    /// </summary>
    public IReadOnlyList<PriorTherapyRequirement> MorePriorTherapies { get; init; } = [];

    /// <summary>Every prior-therapy requirement, <see cref="PriorTherapy"/> first.</summary>
    public IEnumerable<PriorTherapyRequirement> AllPriorTherapies =>
        PriorTherapy is null ? MorePriorTherapies : MorePriorTherapies.Prepend(PriorTherapy);
}
