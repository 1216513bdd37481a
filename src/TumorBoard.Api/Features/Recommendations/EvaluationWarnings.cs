using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Engine;

namespace TumorBoard.Api.Features.Recommendations;

/// <summary>What the board must know the evaluation could not say: the knowledge base says so when it does not know.</summary>
internal static class EvaluationWarnings
{
    public static List<string> For(RuleEvaluation result, IReadOnlyList<Alteration> alterations, string knowledgeBaseVersion)
    {
        var warnings = new List<string>(result.Warnings);
        warnings.AddRange(alterations.Where(a => !a.Interpreted)
            .Select(a => $"{a.Key} could not be interpreted and was not evaluated against any rule."));
        if (result.Therapies.Count == 0)
        {
            warnings.Add($"Knowledge base {knowledgeBaseVersion} has no rule matching this patient's alterations and tumour type. "
                + "This is an absence of curated evidence, not evidence of no benefit.");
        }

        foreach (var declined in result.Declined)
        {
            warnings.Add($"Rule {declined.RuleId} matched the alteration but not its required context: {declined.Reason}");
        }

        return warnings;
    }
}
