using System.Text.Json.Nodes;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;
using static TumorBoard.Fhir.Tests.Markers.MarkerBundles;

namespace TumorBoard.Fhir.Tests.Markers;

/// <summary>Clinical markers read from the IG HER2 examples and from the HR+/HER2-low breast fixture.</summary>
public class MarkerReadingTests
{
    [Fact]
    public void Ig_her2_stain_example_says_present_without_a_score_so_her2_is_not_set_and_a_warning_says_why()
    {
        var bundle = Reader.Accepted(IgHer2Bundle().ToJsonString());

        Assert.Empty(bundle.Markers);
        var warning = Assert.Single(bundle.Issues, i => i.Expression == Entry(2, ".value"));
        Assert.Equal((IssueSeverity.Warning, "value"), (warning.Severity, warning.Code));
        Assert.Contains("'Present'", warning.Diagnostics, StringComparison.Ordinal);
        Assert.Contains("LOINC 18474-7", warning.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Ig_her2_immunoassay_example_is_another_test_and_is_ignored_with_information()
    {
        var bundle = Reader.Accepted(IgHer2Bundle().ToJsonString());

        var info = Assert.Single(bundle.Issues, i => i.Expression?.StartsWith(Entry(3), StringComparison.Ordinal) == true);
        Assert.Equal((IssueSeverity.Information, "not-supported", Entry(3, ".code")), (info.Severity, info.Code, info.Expression));
        Assert.DoesNotContain(bundle.Issues, i => i.Diagnostics.Contains("is not a variant", StringComparison.Ordinal));
    }

    [Fact]
    public void Ig_her2_stain_example_scored_3_plus_gives_her2_positive_with_its_date_and_source()
    {
        var body = IgHer2Bundle();
        SetValue(body, 2, Value("LA11843-2", "3+"));

        var her2 = Assert.Single(Reader.Accepted(body.ToJsonString()).Markers);

        Assert.Equal(new ParsedMarker(ClinicalMarker.Her2, MarkerStatus.Positive, new DateTimeOffset(2019, 4, 1, 0, 0, 0, TimeSpan.Zero), "LOINC 18474-7 HER2 IHC 3+"), her2);
    }

    [Fact]
    public void Breast_fixture_gives_er_positive_pr_negative_hr_positive_and_her2_low_from_ihc_2_plus_without_amplification()
    {
        var bundle = Reader.Accepted(TestFiles.Fixture(Breast));

        Assert.Equal(
            [
                new ParsedMarker(ClinicalMarker.HormoneReceptor, MarkerStatus.Positive, Date(2024, 2, 20), "derived from ER positive"),
                new ParsedMarker(ClinicalMarker.EstrogenReceptor, MarkerStatus.Positive, Date(2024, 2, 20), "LOINC 85337-4 ER Positive (90% of nuclei)"),
                new ParsedMarker(ClinicalMarker.ProgesteroneReceptor, MarkerStatus.Negative, Date(2024, 2, 20), "LOINC 85339-0 PR Negative"),
                new ParsedMarker(ClinicalMarker.Her2, MarkerStatus.Low, Date(2024, 2, 27), "HER2 from IHC and ISH: LOINC 18474-7 HER2 IHC 2+; LOINC 31150-6 HER2 ISH Not amplified (HER2/CEP17 ratio 1.3)"),
            ],
            bundle.Markers);
        Assert.DoesNotContain(bundle.Issues, i => i.Severity <= IssueSeverity.Warning);
    }

    [Fact]
    public void Marker_statuses_are_the_dictionary_the_engines_take()
    {
        var statuses = Reader.Accepted(TestFiles.Fixture(Breast)).MarkerStatuses();

        Assert.Equal(
            new Dictionary<ClinicalMarker, MarkerStatus>
            {
                [ClinicalMarker.HormoneReceptor] = MarkerStatus.Positive,
                [ClinicalMarker.EstrogenReceptor] = MarkerStatus.Positive,
                [ClinicalMarker.ProgesteroneReceptor] = MarkerStatus.Negative,
                [ClinicalMarker.Her2] = MarkerStatus.Low,
            },
            statuses);
    }

    [Fact]
    public void Marker_results_listed_by_a_genomics_report_are_not_reported_as_unsupported_findings()
    {
        var bundle = ReadBreast(b => Mutations.Resource(b, 3)["result"]!.AsArray().Add(new JsonObject { ["reference"] = "urn:uuid:22222222-0000-4000-8000-000000000023" }));

        Assert.Equal(MarkerStatus.Low, Marker(bundle, ClinicalMarker.Her2)!.Status);
        Assert.DoesNotContain(bundle.Issues, i => i.Code == "not-supported" && i.Expression == Entry(Her2Ihc));
    }

    [Fact]
    public void A_marker_observation_contained_in_the_pathology_report_is_read()
    {
        var bundle = ReadBreast(b =>
        {
            var er = Mutations.Resource(b, Er).DeepClone().AsObject();
            er["id"] = "er-contained";
            er["subject"] = new JsonObject { ["reference"] = Patient };
            Mutations.Resource(b, 5)["contained"] = new JsonArray(er);
            Mutations.Resource(b, 5)["result"]![0] = new JsonObject { ["reference"] = "#er-contained" };
            RemoveEntry(b, Er);
        });

        Assert.Equal(MarkerStatus.Positive, Marker(bundle, ClinicalMarker.EstrogenReceptor)!.Status);
    }

    [Fact]
    public void A_marker_code_named_only_in_words_is_read_when_it_has_no_loinc_coding()
    {
        var bundle = ReadBreast(b => Mutations.Resource(b, Pr)["code"] = new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject { ["system"] = "urn:test:local-tests", ["code"] = "PGR-IHC" }),
            ["text"] = "Progesterone receptor status",
        });

        var pr = Marker(bundle, ClinicalMarker.ProgesteroneReceptor)!;
        Assert.Equal((MarkerStatus.Negative, "'Progesterone receptor status' PR Negative"), (pr.Status, pr.Source));
    }

    [Theory]
    [InlineData("PR interval")]
    [InlineData("MLH1 promoter hypermethylation (reflex after loss of MLH1 protein expression)")]
    public void Words_that_only_look_like_a_marker_are_not_read(string text)
    {
        var bundle = ReadBreast(b => Mutations.Resource(b, Pr)["code"] = new JsonObject { ["text"] = text });

        Assert.Null(Marker(bundle, ClinicalMarker.ProgesteroneReceptor));
        Assert.DoesNotContain(bundle.Markers, m => m.Marker == ClinicalMarker.Mlh1);
    }

    [Fact]
    public void A_combined_er_pr_stain_is_not_split_into_either_receptor()
    {
        var bundle = ReadBreast(b => Mutations.Resource(b, Pr)["code"] = new JsonObject
        {
            ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "10480-2", ["display"] = "Estrogen+Progesterone receptor Ag [Presence] in Tissue by Immune stain" }),
        });

        Assert.Null(Marker(bundle, ClinicalMarker.ProgesteroneReceptor));
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Information, Code: "not-supported" } && i.Expression == Entry(Pr, ".code"));
    }

    [Fact]
    public void A_mismatch_repair_panel_gives_mlh1_loss_and_msh2_expressed_from_its_components()
    {
        var bundle = ReadBreast(b => AddObservation(b, "55229-9", Value(null, text: "MMR panel"), "2024-02-20", o =>
        {
            o.Remove("valueCodeableConcept");
            o["component"] = new JsonArray(
                Component("81691-8", Value("LA26198-4", "Loss of nuclear expression")),
                Component("81692-6", Value("LA26197-6", "Intact nuclear expression")));
        }));

        Assert.Equal(MarkerStatus.Negative, Marker(bundle, ClinicalMarker.Mlh1)!.Status);
        Assert.Equal(MarkerStatus.Positive, Marker(bundle, ClinicalMarker.Msh2)!.Status);
        Assert.Equal("LOINC 81691-8 MLH1 IHC Loss of nuclear expression", Marker(bundle, ClinicalMarker.Mlh1)!.Source);
    }

    [Fact]
    public void A_marker_observation_about_another_subject_is_ignored_with_a_warning()
    {
        var bundle = ReadBreast(b => Mutations.Resource(b, Er)["subject"] = new JsonObject { ["reference"] = "urn:uuid:22222222-0000-4000-8000-000000000003" });

        Assert.Null(Marker(bundle, ClinicalMarker.EstrogenReceptor));
        Assert.Contains(bundle.Issues, i => i is { Severity: IssueSeverity.Warning, Code: "invalid" } && i.Expression == Entry(Er, ".subject"));
    }

    [Fact]
    public void An_entered_in_error_marker_observation_is_ignored()
    {
        var bundle = ReadBreast(b => Mutations.Resource(b, Er)["status"] = "entered-in-error");

        Assert.Null(Marker(bundle, ClinicalMarker.EstrogenReceptor));
        Assert.Null(Marker(bundle, ClinicalMarker.HormoneReceptor));
        Assert.Contains(bundle.Issues, i => i.Severity == IssueSeverity.Information && i.Expression == Entry(Er, ".status"));
    }

    private static JsonObject Component(string loinc, JsonObject value) => new()
    {
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = loinc }) },
        ["valueCodeableConcept"] = value,
    };

    private static DateTimeOffset Date(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
