using System.Text.Json.Nodes;

namespace TumorBoard.Api.Features.Subscriptions;

/// <summary>
/// An event to deliver to the subscriptions that want it: those listing <paramref name="Type"/> whose trial is
/// <paramref name="TrialId"/> (any trial when null) and whose arm is <paramref name="ArmId"/> or unset.
/// <paramref name="Fields"/> become the body's fields after <c>eventId</c>, <c>type</c> and <c>at</c>; they must
/// never hold a name or an identifier (internal ids only).
/// </summary>
public sealed record OutboxEvent(string Type, string? TrialId, string? ArmId, Guid? PatientId, JsonObject Fields);
