using System.Globalization;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Matchers;

namespace TumorBoard.Core.Trials.Criteria;

/// <summary>Which of the patient's samples a genomic criterion reads.</summary>
public enum SampleScope
{
    /// <summary>Any tumour sample: primary, metastasis or ctDNA (and reports of unknown role).</summary>
    Any,

    /// <summary>Tissue: primary or metastasis.</summary>
    Tissue,

    Primary,
    Metastasis,
    Ctdna,
}

/// <summary>
/// A biomarker condition from the rules engine's closed matcher vocabulary, read in the samples of
/// <paramref name="Samples"/> and, when <paramref name="Origin"/> asks, only on germline or somatic variants.
/// </summary>
public sealed record GenomicCriterion(BiomarkerMatcher Matcher, SampleScope Samples, RequiredOrigin Origin) : TrialCriterion
{
    public override string Describe()
    {
        var text = Matcher.Describe();
        if (Origin != RequiredOrigin.Any)
        {
            text = $"{Origin.ToString().ToLowerInvariant()} {text}";
        }

        return Samples == SampleScope.Any ? text : $"{text} in a {SampleText(Samples)} sample";
    }

    internal static string SampleText(SampleScope scope) => scope switch
    {
        SampleScope.Tissue => "tissue (primary or metastasis)",
        SampleScope.Ctdna => "ctDNA",
        _ => scope.ToString().ToLowerInvariant(),
    };
}

/// <summary>The patient's tumour lies within the scope (OncoTree codes with descendants, minus exclusions).</summary>
public sealed record TumorCriterion(TumorScope Scope) : TrialCriterion
{
    public override string Describe() => $"tumour type: {Scope.Describe()}";
}

/// <summary>
/// The patient received (or, with <paramref name="Current"/>, is receiving at the evaluation date) one of the
/// drugs, or a drug of one of the classes; <paramref name="ResolvedDrugs"/> holds both, expanded at load.
/// An exclusion is this criterion under <see cref="NotCriterion"/>.
/// </summary>
public sealed record PriorTherapyCriterion(IReadOnlyList<string> Drugs, IReadOnlyList<string> Classes, IReadOnlyList<string> ResolvedDrugs, bool Current) : TrialCriterion
{
    public override string Describe() =>
        (Current ? "currently receiving " : "prior ") + string.Join(" or ", Drugs.Concat(Classes.Select(c => $"a {c}")));
}

/// <summary>Age in whole years at the evaluation date within [<paramref name="Min"/>, <paramref name="Max"/>].</summary>
public sealed record AgeCriterion(int? Min, int? Max) : TrialCriterion
{
    public override string Describe() => (Min, Max) switch
    {
        ({ } min, { } max) => $"age {min.ToString(CultureInfo.InvariantCulture)}-{max.ToString(CultureInfo.InvariantCulture)} years",
        ({ } min, null) => $"age >= {min.ToString(CultureInfo.InvariantCulture)} years",
        (null, { } max) => $"age <= {max.ToString(CultureInfo.InvariantCulture)} years",
        _ => "any age",
    };
}

/// <summary>Administrative sex as recorded (<c>female</c>, <c>male</c>).</summary>
public sealed record SexCriterion(string Sex) : TrialCriterion
{
    public override string Describe() => $"sex {Sex}";
}

/// <summary>An IHC/ISH marker result (HER2 negative, PTEN loss = PTEN negative, Rb expressed = Rb positive).</summary>
public sealed record MarkerCriterion(ClinicalMarker Marker, MarkerStatus Status) : TrialCriterion
{
    public override string Describe() => $"{ClinicalMarkers.Code(Marker)} {ClinicalMarkers.StatusText(Marker, Status)}";
}

/// <summary>The sample carrying the selecting alteration was collected at most <paramref name="MaxDays"/> days before the evaluation date.</summary>
public sealed record SpecimenRecencyCriterion(int MaxDays) : TrialCriterion
{
    public override string Describe() => $"selecting sample collected within {MaxDays.ToString(CultureInfo.InvariantCulture)} days";
}

/// <summary>
/// The selecting alteration is newly detected in its sample compared with the patient's earlier samples
/// (rising/emergent: PADA-1's ESR1 mutation appearing in ctDNA). The caller supplies which keys are acquired.
/// </summary>
public sealed record AcquiredCriterion : TrialCriterion
{
    public override string Describe() => "selecting alteration newly detected (absent from the earlier sample)";
}

/// <summary>
/// The selecting alteration rose in blood by the knowledge base's molecular-progression rule at its sample
/// (PADA-1: newly present or increased while on the therapy it resists; docs/evolution.md). The caller supplies
/// the keys per plasma sample.
/// </summary>
public sealed record RisingInBloodCriterion : TrialCriterion
{
    public override string Describe() => "selecting alteration rising in blood (molecular progression rule)";
}

/// <summary>A clinical fact the caller records (progression); unknown when not recorded.</summary>
public sealed record ClinicalFactCriterion(ClinicalFact Fact, bool Expected) : TrialCriterion
{
    public override string Describe() => Fact switch
    {
        ClinicalFact.Progression => Expected ? "disease progression" : "no disease progression",
        _ => $"{Fact}: {(Expected ? "yes" : "no")}",
    };
}

/// <summary>
/// Non-match selection: none of the listed biomarker arms of the same trial is open and fits the patient
/// (Lung-MAP's non-match immunotherapy sub-studies). With no listed arms, it cannot be decided.
/// </summary>
public sealed record NoMatchedArmCriterion(IReadOnlyList<string> ArmIds) : TrialCriterion
{
    public override string Describe() => ArmIds.Count == 0
        ? "no targetable alteration for a biomarker arm (the trial's biomarker arms are not encoded)"
        : $"no open biomarker arm fits ({string.Join(", ", ArmIds)})";
}

/// <summary>
/// The number of recorded treatment lines (regimens) containing a drug of <paramref name="ResolvedDrugs"/> (any
/// drug when empty) lies within [<paramref name="Min"/>, <paramref name="Max"/>]. A count that is only a lower
/// bound (history not known to be complete) can refute a maximum or confirm a minimum, never the reverse.
/// </summary>
public sealed record PriorLinesCriterion(IReadOnlyList<string> Drugs, IReadOnlyList<string> Classes, IReadOnlyList<string> ResolvedDrugs, int? Min, int? Max) : TrialCriterion
{
    public override string Describe()
    {
        var what = Drugs.Count + Classes.Count == 0 ? "prior lines of therapy" : "prior lines with " + string.Join(" or ", Drugs.Concat(Classes.Select(c => $"a {c}")));
        return (Min, Max) switch
        {
            ({ } min, { } max) when min == max => $"exactly {min.ToString(CultureInfo.InvariantCulture)} {what}",
            ({ } min, { } max) => $"{min.ToString(CultureInfo.InvariantCulture)}-{max.ToString(CultureInfo.InvariantCulture)} {what}",
            ({ } min, null) => $"at least {min.ToString(CultureInfo.InvariantCulture)} {what}",
            (null, { } max) => $"at most {max.ToString(CultureInfo.InvariantCulture)} {what}",
            _ => what,
        };
    }
}

/// <summary>
/// No alteration of the patient (other than the arm's selecting one) has a sensitivity therapy at one of
/// <paramref name="Levels"/> in the knowledge base for this tumour, optionally only in <paramref name="Genes"/>;
/// with <paramref name="UnlessTreated"/>, a targetable alteration is allowed once one of its therapies was received.
/// The caller passes the knowledge base's matches (<see cref="TrialPatient.KnowledgeBaseMatches"/>); without them it is unknown.
/// </summary>
public sealed record NoTargetableAlterationCriterion(IReadOnlyList<EvidenceLevel> Levels, IReadOnlyList<string> Genes, bool UnlessTreated) : TrialCriterion
{
    public override string Describe()
    {
        var levels = string.Join("/", Levels.Select(l => l.ToCode()));
        var genes = Genes.Count == 0 ? "" : $" in {string.Join(", ", Genes)}";
        return $"no targetable alteration{genes} (knowledge-base level {levels} therapy for this tumour)"
            + (UnlessTreated ? " unless its targeted therapy was received" : "");
    }
}

/// <summary>A protocol requirement the service cannot check from the record; always unknown, so the coordinator checks it.</summary>
public sealed record ManualCheckCriterion(string Requirement) : TrialCriterion
{
    public override string Describe() => $"check: {Requirement}";
}

/// <summary>
/// The selecting copy-number alteration's reported copy number is at least <paramref name="AtLeast"/> (NCI-MATCH
/// defines amplification as 7 copies or more); unknown when the report gives a call without a number.
/// </summary>
public sealed record CopyNumberCriterion(decimal AtLeast) : TrialCriterion
{
    public override string Describe() => $"selecting amplification has copy number >= {AtLeast.ToString(CultureInfo.InvariantCulture)}";
}
