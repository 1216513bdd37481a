using TumorBoard.Core.Trials.Evaluation;
using static TumorBoard.KnowledgeBase.Tests.Trials.TrialAssert;
using static TumorBoard.KnowledgeBase.Tests.Trials.TrialPatientBuilder;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

/// <summary>
/// A tumour coded by site only (LUNG from ICD-10-CM C34) is evaluated as the site's dominant histology, and
/// trial exclusions of any type at that site apply conservatively (issue 10; the shared TumorContext).
/// </summary>
public class SiteOnlyTumourTests
{
    [Fact]
    public void Given_BRAF_V600E_lung_cancer_coded_by_site_only_When_evaluated_Then_the_NSCLC_exclusion_keeps_it_out_of_MATCH_arm_H()
    {
        var evaluation = Evaluate(Tumor("LUNG").Mutation("BRAF", "V600E"));
        var arm = Arm(evaluation, "NCI-MATCH", "H");

        Status(EligibilityStatus.Ineligible, arm);
        Criterion(arm, "Not NSCLC", CriterionOutcome.Unmet);
        Assert.Contains(evaluation.Warnings, w => w.Contains("histology not coded", StringComparison.Ordinal) && w.Contains("NSCLC", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_BRAF_V600E_lung_adenocarcinoma_coded_with_histology_When_evaluated_Then_no_histology_warning_is_given()
    {
        var evaluation = Evaluate(Tumor("LUAD").Mutation("BRAF", "V600E"));

        Assert.DoesNotContain(evaluation.Warnings, w => w.Contains("histology not coded", StringComparison.Ordinal));
    }
}
