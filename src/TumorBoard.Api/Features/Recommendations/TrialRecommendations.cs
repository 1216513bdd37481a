using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>Turns the trial engine's arm matches into the contract's trial recommendations.</summary>
internal static class TrialRecommendations
{
    public static List<TrialRecommendationDto> Build(TrialEvaluation evaluation) =>
        evaluation.Arms.Select(arm => new TrialRecommendationDto
        {
            RecommendationId = Guid.CreateVersion7(),
            TrialId = arm.TrialId,
            TrialVersion = arm.TrialVersion,
            NctId = arm.NctId,
            ArmNctId = arm.ArmNctId,
            ArmId = arm.ArmId,
            ArmTitle = arm.ArmTitle,
            Drugs = arm.Drugs,
            Status = arm.Status.ToString().ToLowerInvariant(),
            ArmStatus = arm.ArmStatus.ToCode(),
            Criteria = arm.Criteria.Select(c => new TrialCriterionDto(c.Criterion, c.Result.Code(), c.Detail)).ToList(),
            LevelOfEvidence = arm.LevelOfEvidence,
            Rank = arm.Rank,
            Escat = arm.Escat,
            BiomarkerLevel = arm.BiomarkerLevel,
            BiomarkerLevelRuleId = arm.BiomarkerLevelRuleId,
            MatchedAlterations = arm.MatchedAlterations.Select(m => new MatchedAlterationDto(m.Alteration.Key, m.Role.ToString().ToLowerInvariant())).ToList(),
            Citations = arm.Citations.Select(c => new CitationDto(c.Type.ToString().ToLowerInvariant(), c.Id, c.Note)).ToList(),
        }).ToList();
}
