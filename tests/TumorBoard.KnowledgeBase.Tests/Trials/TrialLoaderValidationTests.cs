using System.Text;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.KnowledgeBase.Rules;
using TumorBoard.KnowledgeBase.Trials;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

public class TrialLoaderValidationTests
{
    private const string Arm = """
        {
          "id": "T",
          "nctIds": ["NCT00000001"],
          "title": "Test trial",
          "version": "1",
          "citations": [ { "type": "nct", "id": "NCT00000001" } ],
          "arms": [
            {
              "id": "A1", "title": "Arm", "drugs": ["afatinib"], "status": "open",
              "select": { "genomic": { "biomarker": { "kind": "protein", "gene": "EGFR", "change": "L858R" } } },
              "criteria": [ CRITERION ],
              "citations": [ { "type": "nct", "id": "NCT00000001" } ]
            }
          ]
        }
        """;

    private static KnowledgeBaseLoadException LoadFailing(string json) =>
        Assert.Throws<KnowledgeBaseLoadException>(() => TrialLoader.Load([new KnowledgeBaseFile("trials/test.json", Encoding.UTF8.GetBytes(json))], TestVocabulary.OncoTree, TestVocabulary.Drugs));

    private static int LineOf(string json, string fragment) => json[..json.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void A_valid_file_loads()
    {
        var catalog = TrialLoader.Load([new KnowledgeBaseFile("trials/test.json", Encoding.UTF8.GetBytes(Arm.Replace("CRITERION", """{ "age": { "min": 18 } }""", StringComparison.Ordinal)))], TestVocabulary.OncoTree, TestVocabulary.Drugs);

        Assert.Equal("A1", Assert.Single(Assert.Single(catalog.Trials).Arms).Id);
    }

    [Fact]
    public void A_tumour_criterion_with_only_exclusions_means_every_tumour_but_those()
    {
        var catalog = TrialLoader.Load([new KnowledgeBaseFile("trials/test.json", Encoding.UTF8.GetBytes(Arm.Replace("CRITERION", """{ "tumor": { "exclude": ["NSCLC"] } }""", StringComparison.Ordinal)))], TestVocabulary.OncoTree, TestVocabulary.Drugs);

        var tumor = Assert.IsType<TumorCriterion>(Assert.Single(Assert.Single(Assert.Single(catalog.Trials).Arms).Criteria));
        Assert.Equal(TumorScopeKind.AllTumors, tumor.Scope.Kind);
        Assert.Empty(tumor.Scope.Include);
        Assert.Equal(["NSCLC"], tumor.Scope.Exclude);
    }

    [Fact]
    public void Malformed_JSON_names_the_file_and_line()
    {
        var error = Assert.Single(LoadFailing("{\n  \"id\": \"T\",\n  \"title\": oops\n}").Errors);

        Assert.Equal("trials/test.json", error.File);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("malformed JSON", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "tumor": { "include": ["NOPE"] } }""", "NOPE", "unknown OncoTree code 'NOPE'")]
    [InlineData("""{ "tumor": { "exclude": [] } }""", "\"tumor\"", "a tumour criterion needs 'include' or 'exclude' codes")]
    [InlineData("""{ "tumor": { "scope": "allSolid", "include": ["NSCLC"] } }""", "allSolid", "scope 'allSolid' takes no 'include' codes")]
    [InlineData("""{ "priorTherapy": { "drugs": ["aspirinx"] } }""", "aspirinx", "drug 'aspirinx' is not in the drug vocabulary")]
    [InlineData("""{ "priorTherapy": { "classes": ["nope-class"] } }""", "nope-class", "unknown drug class 'nope-class'")]
    [InlineData("""{ "priorLines": { "classes": ["nope-class"], "min": 1 } }""", "nope-class", "unknown drug class 'nope-class'")]
    [InlineData("""{ "marker": { "name": "KI67", "status": "positive" } }""", "KI67", "unknown marker 'KI67'")]
    [InlineData("""{ "colour": "blue" }""", "colour", "unknown criterion key 'colour'")]
    [InlineData("""{ "age": { "min": 18 }, "sex": "female" }""", "\"age\"", "a criterion has exactly one kind")]
    [InlineData("""{ "genomic": { "biomarker": { "kind": "sparkle", "gene": "EGFR" } } }""", "sparkle", "unknown matcher kind 'sparkle'")]
    [InlineData("""{ "clinical": { "fact": "mood", "value": true } }""", "mood", "unknown clinical fact 'mood'")]
    public void A_bad_criterion_is_reported_with_file_trial_arm_line_and_reason(string criterion, string fragment, string reason)
    {
        var json = Arm.Replace("CRITERION", criterion, StringComparison.Ordinal);

        var error = Assert.Single(LoadFailing(json).Errors);

        Assert.Equal("trials/test.json", error.File);
        Assert.Equal("T/A1", error.Subject);
        Assert.Equal(LineOf(json, fragment), error.Line!.Value);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_at_once()
    {
        var json = Arm.Replace("CRITERION", """{ "tumor": { "include": ["NOPE"] } }, { "sex": "other" }""", StringComparison.Ordinal)
            .Replace("\"status\": \"open\"", "\"status\": \"paused\"", StringComparison.Ordinal);

        var reasons = LoadFailing(json).Errors.Select(e => e.Reason).ToList();

        Assert.Contains(reasons, r => r.Contains("unknown OncoTree code", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("'sex' must be", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("status 'paused'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_arm_without_citations_or_a_trial_without_an_NCT_id_is_refused()
    {
        var json = Arm.Replace("CRITERION", """{ "age": { "min": 18 } }""", StringComparison.Ordinal)
            .Replace("\"nctIds\": [\"NCT00000001\"]", "\"nctIds\": [\"NCT1\"]", StringComparison.Ordinal)
            .Replace("\"citations\": [ { \"type\": \"nct\", \"id\": \"NCT00000001\" } ]\n    }", "\"citations\": []\n    }", StringComparison.Ordinal);

        var reasons = LoadFailing(json).Errors.Select(e => e.Reason).ToList();

        Assert.Contains(reasons, r => r.Contains("'NCT1' is not a ClinicalTrials.gov id", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("at least one citation", StringComparison.Ordinal));
    }

    [Fact]
    public void A_selection_without_a_biomarker_is_refused()
    {
        var json = Arm.Replace("CRITERION", """{ "age": { "min": 18 } }""", StringComparison.Ordinal)
            .Replace("""{ "genomic": { "biomarker": { "kind": "protein", "gene": "EGFR", "change": "L858R" } } }""", """{ "age": { "min": 18 } }""", StringComparison.Ordinal);

        Assert.Contains(LoadFailing(json).Errors, e => e.Reason.Contains("a selection needs a genomic or marker condition", StringComparison.Ordinal));
    }

    [Fact]
    public void A_non_match_arm_must_name_biomarker_arms_of_its_trial()
    {
        var json = Arm.Replace("CRITERION", """{ "age": { "min": 18 } }""", StringComparison.Ordinal)
            .Replace("""{ "genomic": { "biomarker": { "kind": "protein", "gene": "EGFR", "change": "L858R" } } }""", """{ "noMatchedArm": ["Z9"] }""", StringComparison.Ordinal);

        Assert.Contains(LoadFailing(json).Errors, e => e.Reason.Contains("names 'Z9', which is not a biomarker arm", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_trial_ids_across_files_are_refused()
    {
        var json = Encoding.UTF8.GetBytes(Arm.Replace("CRITERION", """{ "age": { "min": 18 } }""", StringComparison.Ordinal));

        var error = Assert.Single(Assert.Throws<KnowledgeBaseLoadException>(() => TrialLoader.Load(
            [new KnowledgeBaseFile("trials/a.json", json), new KnowledgeBaseFile("trials/b.json", json)], TestVocabulary.OncoTree, TestVocabulary.Drugs)).Errors);

        Assert.Equal("trials/b.json", error.File);
        Assert.Contains("duplicate trial id", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_file_changes_its_hash_and_the_catalog_hash()
    {
        var a = Encoding.UTF8.GetBytes(Arm.Replace("CRITERION", """{ "age": { "min": 18 } }""", StringComparison.Ordinal));
        var b = Encoding.UTF8.GetBytes(Arm.Replace("CRITERION", """{ "age": { "min": 21 } }""", StringComparison.Ordinal));

        var first = TrialLoader.Load([new KnowledgeBaseFile("trials/t.json", a)], TestVocabulary.OncoTree, TestVocabulary.Drugs);
        var second = TrialLoader.Load([new KnowledgeBaseFile("trials/t.json", b)], TestVocabulary.OncoTree, TestVocabulary.Drugs);

        Assert.NotEqual(first.ContentHash, second.ContentHash);
        Assert.NotEqual(first.Trials[0].ContentHash, second.Trials[0].ContentHash);
    }
}
