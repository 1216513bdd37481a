// Firely's POCO elements are all nullable; here a missing element should fail the test (with a
// NullReferenceException), so the nullable warnings would only add '!' noise.
#nullable disable warnings

using System.Text.Json;
using Hl7.Fhir.Model;
using TumorBoard.Core.Alterations;
using TumorBoard.Fhir.Output;
using Task = Hl7.Fhir.Model.Task;

namespace TumorBoard.Fhir.Tests.Recommendations;

public class RecommendationBundleShapeTests
{
    private const string Loinc = "http://loinc.org";

    private readonly BundleReading _reading = new(SampleEvaluation.Create());

    [Fact]
    public void The_bundle_is_a_collection_of_patient_report_specimens_observations_and_tasks()
    {
        var types = _reading.Bundle.Entry.Select(e => e.Resource!.TypeName).Distinct().ToList();

        Assert.Equal(Bundle.BundleType.Collection, _reading.Bundle.Type);
        Assert.Equal(["Patient", "DiagnosticReport", "Specimen", "Observation", "Task"], types);
        Assert.All(_reading.Bundle.Entry, e => Assert.StartsWith("urn:uuid:", e.FullUrl, StringComparison.Ordinal));
        Assert.Equal(_reading.Bundle.Entry.Count, _reading.Bundle.Entry.Select(e => e.FullUrl).Distinct().Count());
    }

    [Fact]
    public void Every_resource_but_patient_and_specimens_names_its_genomics_reporting_profile()
    {
        var profiles = _reading.Bundle.Entry.Select(e => e.Resource!)
            .Where(r => r is not (Patient or Specimen))
            .ToDictionary(r => $"{r.TypeName}/{r.Id}", r => Assert.Single(r.Meta.Profile));

        Assert.All(profiles.Values, p => Assert.StartsWith(BundleReading.ProfileBase, p, StringComparison.Ordinal));
        Assert.Equal(BundleReading.ProfileBase + "genomic-report", profiles["DiagnosticReport/0195f3c2-2222-7000-8000-000000000001"]);
        Assert.Equal(BundleReading.ProfileBase + "variant", profiles["Observation/var-eml4-alk"]);
        Assert.Equal(BundleReading.ProfileBase + "molecular-biomarker", profiles["Observation/var-tmb"]);
        Assert.Equal(BundleReading.ProfileBase + "therapeutic-implication", profiles["Observation/rec-trial-match-e"]);
        Assert.All(_reading.All<Task>(), t => Assert.Equal(BundleReading.ProfileBase + "medication-recommendation", t.Meta.Profile.Single()));
    }

    [Fact]
    public void The_patient_carries_its_id_and_identifiers_and_nothing_else()
    {
        using var document = JsonDocument.Parse(_reading.Json);
        var patient = document.RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource"))
            .Single(r => r.GetProperty("resourceType").GetString() == "Patient");

        var members = patient.EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(["resourceType", "id", "identifier"], members);
        Assert.Equal("0195f3c2-1111-7000-8000-000000000001", patient.GetProperty("id").GetString());
        Assert.Equal("MRN-0042", patient.GetProperty("identifier")[0].GetProperty("value").GetString());
        Assert.DoesNotContain("\"name\"", _reading.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_implication_derives_from_variant_or_biomarker_observations_carrying_its_alteration_keys()
    {
        var findings = SampleEvaluation.Therapies().Select(t => (t.RecommendationId, t.AlterationKeys))
            .Concat(SampleEvaluation.Trials().Where(t => t.Status != TrialEligibility.Ineligible).Select(t => (t.RecommendationId, t.AlterationKeys)));

        foreach (var (id, keys) in findings)
        {
            var sources = _reading.Observation(id).DerivedFrom.Select(r => (Observation)_reading.ByUrl(r.Reference)).ToList();

            Assert.NotEmpty(sources);
            Assert.All(sources, s => Assert.True(
                s.Meta.Profile.Single() is BundleReading.ProfileBase + "variant" or BundleReading.ProfileBase + "molecular-biomarker",
                $"{id} derives from {s.Id}, which is neither a variant nor a biomarker"));
            Assert.All(sources, s => Assert.Contains(KeyOf(s), keys));
        }
    }

    [Fact]
    public void A_finding_on_an_alteration_seen_in_two_reports_derives_from_both()
    {
        var sources = _reading.Observation("rec-erlotinib-ramucirumab").DerivedFrom.Select(r => _reading.ByUrl(r.Reference).Id);

        Assert.Equal(["var-l858r-primary", "var-l858r-met", "var-ex19del-ctdna"], sources);
    }

    [Fact]
    public void The_report_lists_every_observation_and_states_status_and_knowledge_base()
    {
        var signedOff = new BundleReading(SampleEvaluation.Create(signedOff: true)).All<DiagnosticReport>().Single();
        var open = new BundleReading(SampleEvaluation.Create(signedOff: false)).All<DiagnosticReport>().Single();
        var observationUrls = _reading.All<Observation>().Select(_reading.UrlOf);

        Assert.Equal(DiagnosticReport.DiagnosticReportStatus.Final, signedOff.Status);
        Assert.Equal(DiagnosticReport.DiagnosticReportStatus.Preliminary, open.Status);
        Assert.Equal(observationUrls, signedOff.Result.Select(r => r.Reference));
        Assert.Equal("51969-4", signedOff.Code.Coding.Single().Code);
        Assert.Contains("2026.1", signedOff.Conclusion, StringComparison.Ordinal);
        Assert.Contains("sha256:5f2b7c0e9a", signedOff.Conclusion, StringComparison.Ordinal);
        Assert.Contains("sha256:5f2b7c0e9a", ((RelatedArtifact)signedOff.Extension.Single().Value).Display, StringComparison.Ordinal);
        Assert.All(new BundleReading(SampleEvaluation.Create(signedOff: false)).All<Observation>(), o => Assert.Equal(ObservationStatus.Preliminary, o.Status));
    }

    [Fact]
    public void Variant_observations_carry_gene_change_source_class_and_allele_fraction()
    {
        var t790m = _reading.Observation("var-t790m-met");
        var fusion = _reading.Observation("var-eml4-alk");
        var amplification = _reading.Observation("var-erbb2-amp");

        Assert.Equal("LA9633-4", ((CodeableConcept)t790m.Value).Coding.Single().Code);
        Assert.Equal(("http://www.genenames.org", "HGNC:3236", "EGFR"), Gene(t790m).Single());
        Assert.Equal("p.T790M", BundleReading.Components(t790m, "48005-3").Single().Coding.Single().Code);
        Assert.Equal("NM_005228.4:c.2369C>T", BundleReading.Components(t790m, "48004-6").Single().Coding.Single().Code);
        Assert.Equal("SO:0001483", BundleReading.Components(t790m, "48019-4").Single().Coding.Single().Code);
        Assert.Equal("LA6684-0", BundleReading.Components(t790m, "48002-0").Single().Coding.Single().Code);
        Assert.Equal(0.12m, ((Quantity)t790m.Component.Single(c => c.Code.Coding[0].Code == "81258-6").Value).Value);
        Assert.Equal(["EML4", "ALK"], Gene(fusion).Select(g => g.Display));
        Assert.Equal(9m, ((Quantity)amplification.Component.Single(c => c.Code.Coding[0].Code == "82155-3").Value).Value);
        Assert.Equal("SO:0000159", BundleReading.Components(_reading.Observation("var-ex19del-ctdna"), "48019-4").Single().Coding.Single().Code);
    }

    [Fact]
    public void Each_source_report_is_one_specimen_named_by_its_role()
    {
        var specimens = _reading.All<Specimen>().ToList();
        var report = _reading.All<DiagnosticReport>().Single();

        string SpecimenOf(string variantId) => ((Specimen)_reading.ByUrl(_reading.Observation(variantId).Specimen.Reference)).Type.Text;

        Assert.Equal(3, specimens.Count);
        Assert.Equal(specimens.Select(_reading.UrlOf), report.Specimen.Select(r => r.Reference));
        Assert.Equal("Primary tumour specimen", SpecimenOf("var-l858r-primary"));
        Assert.Equal("Metastasis specimen", SpecimenOf("var-l858r-met"));
        Assert.Equal(_reading.Observation("var-l858r-met").Specimen.Reference, _reading.Observation("var-t790m-met").Specimen.Reference);
        Assert.Equal("Plasma cell-free DNA (ctDNA)", SpecimenOf("var-ex19del-ctdna"));
        Assert.All(specimens, s => Assert.Equal(_reading.UrlOf(_reading.All<Patient>().Single()), s.Subject.Reference));
    }

    [Fact]
    public void A_gene_without_a_known_HGNC_id_is_named_in_text_not_given_an_invented_code()
    {
        var reading = new BundleReading(SampleEvaluation.Create() with { HgncIds = new Dictionary<string, string>() });

        var gene = BundleReading.Components(reading.Observation("var-t790m-met"), "48018-6").Single();

        Assert.Empty(gene.Coding);
        Assert.Equal("EGFR", gene.Text);
    }

    [Fact]
    public void TMB_and_MSI_are_molecular_biomarkers_with_their_LOINC_codes_and_values()
    {
        var tmb = _reading.Observation("var-tmb");
        var msi = _reading.Observation("var-msi");

        Assert.Equal("94076-7", tmb.Code.Coding.Single().Code);
        Assert.Equal(12.5m, ((Quantity)tmb.Value).Value);
        Assert.Equal("81695-9", msi.Code.Coding.Single().Code);
        Assert.Equal("LA26203-2", ((CodeableConcept)msi.Value).Coding.Single().Code);
    }

    [Fact]
    public void A_therapy_implication_states_response_each_drug_level_escat_context_rationale_and_citations()
    {
        var osimertinib = _reading.Observation("rec-osimertinib");
        var resistance = _reading.Observation("rec-erlotinib-resistance");
        var combination = _reading.Observation("rec-erlotinib-ramucirumab");
        var citations = osimertinib.Extension.Select(e => (RelatedArtifact)e.Value).ToList();

        Assert.Equal("LA6677-4", Implication(osimertinib).Coding.Single().Code);
        Assert.Equal("LA6676-6", Implication(resistance).Coding.Single().Code);
        Assert.Equal(["erlotinib", "ramucirumab"], BundleReading.Components(combination, "51963-7").Select(c => c.Text));
        Assert.Equal(["Level 1 (OncoKB therapeutic levels of evidence)", "ESCAT tier I-A"], BundleReading.Components(osimertinib, "93044-6").Select(c => c.Text));
        Assert.Equal("Level R1 (OncoKB therapeutic levels of evidence)", BundleReading.Components(resistance, "93044-6").Single().Text);
        Assert.Equal(("http://oncotree.mskcc.org", "LUAD"), Context(osimertinib));
        Assert.StartsWith("EGFR T790M confers sensitivity", ((FhirString)osimertinib.Component.Single(c => c.Code.Coding[0].Code == "conclusion-string").Value).Value, StringComparison.Ordinal);
        Assert.All(osimertinib.Extension, e => Assert.Equal("http://hl7.org/fhir/StructureDefinition/workflow-relatedArtifact", e.Url));
        Assert.Equal(["https://pubmed.ncbi.nlm.nih.gov/27959700/", "https://www.accessdata.fda.gov/drugsatfda_docs/label/2020/208065s021lbl.pdf"], citations.Select(c => c.Url));
        Assert.Equal("PMID: 27959700", citations[0].Citation);
        Assert.Equal("https://clinicaltrials.gov/study/NCT01802632", ((RelatedArtifact)resistance.Extension.Single().Value).Url);
    }

    [Fact]
    public void Without_a_tumour_type_no_treatment_context_is_claimed()
    {
        var reading = new BundleReading(SampleEvaluation.Create() with { TumorType = null });

        Assert.All(reading.WithProfile("therapeutic-implication"), o => Assert.Empty(BundleReading.Components(o, "81259-4")));
    }

    [Fact]
    public void Trial_implications_name_the_NCT_id_eligible_arms_are_coded_and_ineligible_arms_left_out()
    {
        var eligible = _reading.Observation("rec-trial-match-e");
        var potential = _reading.Observation("rec-trial-lungmap");
        var therapy = BundleReading.Components(eligible, "associated-therapy").Single();

        Assert.Equal(("http://clinicaltrials.gov", "NCT02465060"), (therapy.Coding.Single().System, therapy.Coding.Single().Code));
        Assert.Equal("NCI-MATCH arm E: Osimertinib in EGFR T790M", therapy.Text);
        Assert.Equal(("http://snomed.info/sct", "399223003"), (Implication(eligible).Coding.Single().System, Implication(eligible).Coding.Single().Code));
        Assert.Equal(["osimertinib"], BundleReading.Components(eligible, "51963-7").Select(c => c.Text));
        Assert.Equal("NCT03851445", BundleReading.Components(potential, "associated-therapy").Single().Coding.Single().Code);
        Assert.Empty(Implication(potential).Coding);
        Assert.StartsWith("Potentially eligible", Implication(potential).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_reading.All<Observation>(), o => o.Id == "rec-trial-excluded");
    }

    [Fact]
    public void Tasks_exist_only_for_therapies_the_board_accepted()
    {
        var tasks = _reading.All<Task>().ToList();
        var reasons = tasks.Select(t => _reading.ByUrl(t.ReasonReference.Reference).Id);
        var resistanceTask = tasks.Single(t => _reading.ByUrl(t.ReasonReference.Reference).Id == "rec-erlotinib-resistance");

        Assert.Equal(["rec-osimertinib", "rec-erlotinib-resistance"], reasons);
        Assert.All(tasks, t => Assert.Equal((Task.TaskStatus.Requested, Task.TaskIntent.Proposal), (t.Status!.Value, t.Intent!.Value)));
        Assert.All(tasks, t => Assert.Equal(_reading.UrlOf(_reading.All<Patient>().Single()), t.For.Reference));
        Assert.Equal("LA26421-0", resistanceTask.Code.Coding.Single().Code);
        Assert.Null(tasks[0].Code);
        Assert.Contains("osimertinib", tasks[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_input_gives_the_same_json()
    {
        var first = RecommendationBundleFactory.Create(SampleEvaluation.Create());
        var second = RecommendationBundleFactory.Create(SampleEvaluation.Create());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Service_uuids_are_the_entries_full_urls()
    {
        var patient = _reading.All<Patient>().Single();

        Assert.Equal("urn:uuid:0195f3c2-1111-7000-8000-000000000001", _reading.UrlOf(patient));
    }

    [Fact]
    public void A_finding_resting_on_no_given_variant_is_refused()
    {
        var input = SampleEvaluation.Create() with { Variants = SampleEvaluation.Variants().Where(v => v.Alteration.Key != "EGFR T790M").ToList() };

        var error = Assert.Throws<ArgumentException>(() => RecommendationBundleFactory.Create(input));

        Assert.Contains("rec-osimertinib", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("under_score")]
    [InlineData("")]
    public void An_id_that_is_not_a_FHIR_id_is_refused(string patientId)
    {
        var input = SampleEvaluation.Create() with { PatientId = patientId };

        Assert.Throws<ArgumentException>(() => RecommendationBundleFactory.Create(input));
    }

    [Fact]
    public void The_reader_reads_the_variants_back_to_the_same_alteration_keys()
    {
        var parsed = Reader.Accepted(_reading.Json);

        var keys = parsed.Reports.SelectMany(r => r.Alterations).Select(a => a.Key).Order(StringComparer.Ordinal);

        Assert.Equal(SampleEvaluation.Variants().Select(v => v.Alteration.Key).Order(StringComparer.Ordinal), keys);
    }

    private static string KeyOf(Observation observation) =>
        BundleReading.Components(observation, "81252-9").SingleOrDefault()?.Text
        ?? observation.Code.Coding.Single().Code switch
        {
            "94076-7" => AlterationKeys.Tmb,
            _ => AlterationKeys.MsiHigh,
        };

    private static IEnumerable<(string System, string Code, string Display)> Gene(Observation observation) =>
        BundleReading.Components(observation, "48018-6").Select(c => c.Coding.Single()).Select(c => (c.System, c.Code, c.Display));

    private static CodeableConcept Implication(Observation observation) =>
        BundleReading.Components(observation, "therapeutic-implication").Single();

    private static (string System, string Code) Context(Observation observation)
    {
        var coding = BundleReading.Components(observation, "81259-4").Single().Coding.Single();
        return (coding.System, coding.Code);
    }
}
