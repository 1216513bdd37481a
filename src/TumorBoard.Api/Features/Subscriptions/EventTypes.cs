namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>
/// The event types a subscription can receive. A new type is one constant here (and in <see cref="All"/>), its
/// emission through <see cref="OutboxWriter.AddAsync"/> in the transaction that makes it true, and a line in
/// docs/subscriptions.md.
/// </summary>
public static class EventTypes
{
    /// <summary>A patient became eligible or potential for an open arm.</summary>
    public const string ArmMatch = "arm.match";

    /// <summary>A resistance alteration rose in a new plasma draw under a therapy it resists (docs/evolution.md).</summary>
    public const string MolecularProgression = "molecular.progression";

    public static readonly string[] All = [ArmMatch, MolecularProgression];

    /// <summary>
    /// Types about a patient rather than a trial's arm: a subscription to them names no trial (and no arm), and a
    /// trial-scoped subscription cannot list them.
    /// </summary>
    public static readonly string[] PatientLevel = [MolecularProgression];

    public static bool IsPatientLevel(string type) => PatientLevel.Contains(type, StringComparer.Ordinal);
}
