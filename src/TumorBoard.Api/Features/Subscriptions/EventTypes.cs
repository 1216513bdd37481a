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

    public static readonly string[] All = [ArmMatch];
}
