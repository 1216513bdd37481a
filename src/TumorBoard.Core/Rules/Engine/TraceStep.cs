namespace TumorBoard.Core.Rules.Engine;

/// <summary>What a trace step records.</summary>
public enum TraceStepKind
{
    /// <summary>A biomarker condition matched an alteration.</summary>
    BiomarkerMatched,

    /// <summary>A NOT condition held: no alteration matched it.</summary>
    BiomarkerAbsent,

    /// <summary>The tumour scope decision.</summary>
    TumorScope,

    /// <summary>The variant-origin requirement.</summary>
    Origin,

    /// <summary>A receptor-status requirement.</summary>
    Receptor,

    /// <summary>A prior-therapy requirement.</summary>
    PriorTherapy,
}

/// <summary>
/// One reason a rule fired: which <paramref name="Condition"/> was checked against which
/// <paramref name="Subject"/> (an alteration key, a tumour code, a marker) with what <paramref name="Outcome"/>.
/// The parts are kept apart so a trace costs no string formatting until someone reads it.
/// </summary>
public sealed record TraceStep(TraceStepKind Kind, string Condition, string Subject, string Outcome)
{
    public string Text => Kind switch
    {
        TraceStepKind.BiomarkerMatched => $"biomarker [{Condition}] matched {Subject}",
        TraceStepKind.BiomarkerAbsent => $"biomarker [{Condition}] absent",
        TraceStepKind.TumorScope => $"tumour {Subject} within scope [{Condition}]: {Outcome}",
        TraceStepKind.Origin => $"origin requirement [{Condition}] for {Subject}: {Outcome}",
        TraceStepKind.Receptor => $"receptor requirement [{Condition}]: {Outcome}",
        _ => $"prior therapy requirement [{Condition}]: {Outcome}",
    };

    public override string ToString() => Text;
}
