namespace TumorBoard.Api.Features.Board.Pages;

/// <summary>What the status form of one arm needs.</summary>
public sealed record ArmStatusCell(string TrialId, string ArmId, string Title, string Status);
