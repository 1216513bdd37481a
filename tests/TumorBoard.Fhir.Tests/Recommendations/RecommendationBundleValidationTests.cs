using Hl7.Fhir.Model;

namespace TumorBoard.Fhir.Tests.Recommendations;

/// <summary>
/// The $recommendations Bundle against the Genomics Reporting STU3 profiles (tests/fixtures/genomics-reporting-3.0.0) with
/// Firely's validator. Warnings are allowed: the local terminology service knows neither LOINC answer
/// lists nor HGVS, so it can only warn that it could not check those codes (docs/fhir.md).
/// </summary>
[Collection(ProfileValidationCollection.Name)]
public class RecommendationBundleValidationTests(ProfileValidator validator)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_bundle_validates_against_the_IG_profiles_with_no_errors(bool signedOff)
    {
        var reading = new BundleReading(SampleEvaluation.Create(signedOff));

        var issues = validator.Validate(reading.Bundle);

        AssertNoErrors(issues, "Bundle");
        AssertOnlyUncheckedTerminologyWarnings(issues);
    }

    [Fact]
    public void Every_entry_validates_against_its_own_profile_with_no_errors()
    {
        var reading = new BundleReading(SampleEvaluation.Create());

        foreach (var resource in reading.Bundle.Entry.Select(e => e.Resource!))
        {
            var profile = resource.Meta?.Profile.SingleOrDefault();
            AssertNoErrors(validator.Validate(resource, profile), $"{resource.TypeName}/{resource.Id} against {profile ?? "the core R4 definition"}");
        }
    }

    [Fact]
    public void An_evaluation_without_findings_tumour_type_or_gene_ids_validates_too()
    {
        var input = SampleEvaluation.Create() with
        {
            TumorType = null,
            HgncIds = new Dictionary<string, string>(),
            Therapies = [],
            Trials = [],
        };

        var issues = validator.Validate(new BundleReading(input).Bundle);

        AssertNoErrors(issues, "Bundle");
    }

    [Fact]
    public void The_validator_reports_an_implication_that_derives_from_nothing()
    {
        // Control: proves the IG profiles are loaded and enforced, so "no errors" above means something.
        var implication = new BundleReading(SampleEvaluation.Create()).Observation("rec-osimertinib");
        implication.DerivedFrom.Clear();

        var errors = Errors(validator.Validate(implication));

        Assert.Contains(errors, e => e.Contains("derivedFrom", StringComparison.Ordinal));
    }

    [Fact]
    public void The_validator_reports_a_variant_without_the_genetics_category()
    {
        var variant = new BundleReading(SampleEvaluation.Create()).Observation("var-t790m-met");
        variant.Category.RemoveAll(c => c.Coding.Any(x => x.Code == "GE"));

        var errors = Errors(validator.Validate(variant));

        Assert.Contains(errors, e => e.Contains("geCategory", StringComparison.Ordinal));
    }

    /// <summary>
    /// The warnings that remain are the validator saying it could not check a code: LOINC answer lists
    /// (LL1971-2 variant value, LL4049-4 Task code) and HGVS expressions are outside the local
    /// terminology service. Anything else (a structural or slicing warning) fails.
    /// </summary>
    private static void AssertOnlyUncheckedTerminologyWarnings(IEnumerable<OperationOutcome.IssueComponent> issues)
    {
        var others = issues
            .Where(i => i.Severity == OperationOutcome.IssueSeverity.Warning)
            .Select(i => i.Details?.Text ?? i.Diagnostics ?? "")
            .Where(text => !text.StartsWith("Terminology service failed while validating concept", StringComparison.Ordinal))
            .ToList();
        Assert.True(others.Count == 0, $"Unexpected warnings:\n{string.Join("\n", others)}");
    }

    private static List<string> Errors(IEnumerable<OperationOutcome.IssueComponent> issues) =>
        issues.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression)}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();

    private static void AssertNoErrors(IEnumerable<OperationOutcome.IssueComponent> issues, string what)
    {
        var errors = Errors(issues);
        Assert.True(errors.Count == 0, $"{what} has {errors.Count} validation error(s):\n{string.Join("\n", errors)}");
    }
}
