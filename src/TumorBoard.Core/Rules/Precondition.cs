namespace TumorBoard.Core.Rules;

/// <summary>Whether the patient's recorded therapies meet a rule's line-of-therapy precondition.</summary>
public enum PreconditionStatus
{
    /// <summary>A recorded therapy satisfies it.</summary>
    Met,

    /// <summary>Therapies are recorded and none satisfies it: the indication does not (yet) apply as labelled.</summary>
    NotMet,

    /// <summary>No therapy history is recorded, so it cannot be judged.</summary>
    Unknown,
}

/// <summary>A precondition of a fired rule (e.g. "after imatinib") and whether the record meets it.</summary>
public sealed record Precondition(string Requirement, PreconditionStatus Status)
{
    public string StatusCode => Status switch
    {
        PreconditionStatus.Met => "met",
        PreconditionStatus.NotMet => "not met",
        _ => "unknown",
    };
}
