using TumorBoard.Api.ReadModels;

namespace TumorBoard.Api.Features.Board.Pages;

/// <summary>One recommendation's review cell: its state, and a form when the reader may still review it.</summary>
public sealed record ReviewCell(Guid RecommendationId, ReviewStateDto Review, string Subject, bool CanReview);
