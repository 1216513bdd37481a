using TumorBoard.Api.ReadModels;

namespace TumorBoard.Api.Features.Board.Pages;

/// <summary>One trial arm on the patient's page, and whether the reader may still review it.</summary>
public sealed record ArmCard(TrialRecommendationDto Arm, bool CanReview);
