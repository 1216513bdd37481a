using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Matchers;

namespace TumorBoard.Tests.Support;

/// <summary>Small builders for rules and knowledge bases in engine tests.</summary>
public static class RuleBuilder
{
    public static Rule Rule(
        string id,
        BiomarkerMatcher biomarker,
        TumorScope? tumor = null,
        string[]? drugs = null,
        TherapyEffect effect = TherapyEffect.Sensitive,
        EvidenceLevel level = EvidenceLevel.Level1,
        RuleContext? context = null) => new()
        {
            Id = id,
            Biomarker = biomarker,
            Tumor = tumor ?? TumorScope.Codes("NSCLC"),
            Drugs = drugs ?? ["osimertinib"],
            Effect = effect,
            Level = level,
            Context = context ?? RuleContext.None,
            Citations = [new Citation(CitationType.Pmid, "1")],
            Rationale = "test",
        };

    public static KnowledgeBase Kb(params Rule[] rules) => new()
    {
        Version = "test",
        ContentHash = "hash",
        Rules = rules,
        Sources = [],
        DrugClasses = new Dictionary<string, IReadOnlyList<string>> { ["egfr-tki"] = ["erlotinib", "gefitinib"] },
    };
}
