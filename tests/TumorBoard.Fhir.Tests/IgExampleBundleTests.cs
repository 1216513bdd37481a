using TumorBoard.Core.Alterations;
using TumorBoard.Core.Ingestion;
using TumorBoard.Core.Patients;

namespace TumorBoard.Fhir.Tests;

/// <summary>The Genomics Reporting IG's own example bundles (STU2 and STU3), vendored in tests/fixtures.</summary>
public class IgExampleBundleTests
{
    public static TheoryData<string> AllBundles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "genomics-reporting-stu2-json", "genomics-reporting-stu3-json" })
        {
            foreach (var file in Directory.GetFiles(TestFiles.VendoredFolder(folder), "Bundle-*.json").Order(StringComparer.Ordinal))
            {
                data.Add($"{folder}/{Path.GetFileName(file)}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllBundles))]
    public void Every_ig_example_bundle_is_read_and_every_issue_is_located(string file)
    {
        var result = Reader.Read(TestFiles.VendoredFile(file));

        Assert.False(result.IsMalformed);
        Assert.All(result.Issues, i => Assert.False(string.IsNullOrEmpty(i.Expression), i.Diagnostics));
        Assert.All(result.Issues, i => Assert.False(string.IsNullOrEmpty(i.Diagnostics)));
    }

    [Theory]
    [InlineData("genomics-reporting-stu2-json")]
    [InlineData("genomics-reporting-stu3-json")]
    public void Oncology_report_example_is_accepted_with_its_lab_accession(string folder)
    {
        var bundle = Reader.Accepted(TestFiles.VendoredFile($"{folder}/Bundle-bundle-oncology-report-example.json"));
        var report = Assert.Single(bundle.Reports);

        Assert.Equal(new BusinessIdentifier("http://molit.eu/fhir/genomics/NamingSystem/cegat/patID", "11111"), Assert.Single(bundle.Patient!.Identifiers));
        Assert.Equal(new BusinessIdentifier("http://molit.eu/fhir/genomics/NamingSystem/cegat/reportID", "42867"), report.Identifier);
        Assert.Equal(12, report.Alterations.Count);
        Assert.All(report.Alterations, a => Assert.Equal(VariantOrigin.Somatic, a.Origin));
        Assert.Equal("C16.0", report.Specimen!.Site);
    }

    [Fact]
    public void Stu2_oncology_report_example_normalises_one_letter_protein_changes()
    {
        var report = Reader.Accepted(TestFiles.VendoredFile("genomics-reporting-stu2-json/Bundle-bundle-oncology-report-example.json")).Reports[0];

        Assert.Equal(
            ["PIK3CA H1047R", "NRAS G12C", "FBXW7 R465H", "KMT2D Q2634Afs*20", "PIK3CA K111N", "IRS2 c.3960C>T", "CDKN2A A4_P11del", "RECQL4 R696C", "RYR1 R1655H", "SACS A4040T", "SLIT2 N430K", "SMARCA4 A791V"],
            report.Alterations.Select(a => a.Key));
        Assert.Equal(0.2188m, report.Alterations[0].Vaf);
        Assert.Equal(AlterationKind.Indel, report.Alterations[3].Kind);
    }

    [Fact]
    public void Stu3_oncology_report_example_converts_three_letter_changes_and_falls_back_to_coding_changes()
    {
        var report = Reader.Accepted(TestFiles.VendoredFile("genomics-reporting-stu3-json/Bundle-bundle-oncology-report-example.json")).Reports[0];
        var keys = report.Alterations.Select(a => a.Key).ToList();

        Assert.Contains("RYR1 R1655L", keys);
        Assert.Contains("SMARCA4 A791V", keys);
        Assert.Contains("NRAS c.34G>T", keys);
        Assert.Equal("NM_002524.4", report.Alterations.Single(a => a.Key == "NRAS c.34G>T").Transcript);
    }

    [Theory]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-oncology-diagnostic.json")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncology-diagnostic.json")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-oncologyexamples-r4.json")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncologyexamples-r4.json")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-oncologyexamples-r4-withGrouping.json")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncologyexamples-r4-withGrouping.json")]
    public void Examples_whose_patient_identifier_has_no_system_are_unprocessable_with_exactly_that_error(string file)
    {
        var bundle = Reader.Parsed(TestFiles.VendoredFile(file));

        var error = Assert.Single(bundle.Issues, i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal);
        Assert.Equal(("required", "Bundle.entry[0].resource.identifier[0]"), (error.Code, error.Expression));
        Assert.Contains("cannot be paired", error.Diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncologyexamples-r4.json")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncologyexamples-r4-withGrouping.json")]
    public void Oncology_examples_still_yield_their_germline_variants_tmb_and_msi(string file)
    {
        var report = Assert.Single(Reader.Parsed(TestFiles.VendoredFile(file)).Reports);

        Assert.Equal(["JAK2 V617F", "KDR Q472H", "ERBB4 NC_000002.12:g.211713666_211713668del", "TMB", "MSS"], report.Alterations.Select(a => a.Key));
        Assert.Equal(VariantOrigin.Germline, report.Alterations[0].Origin);
        Assert.False(report.Alterations[2].Interpreted);
        Assert.Equal(25m, report.Alterations[3].Value);
        Assert.Equal(4, report.LabAnnotations.Count(a => a.Kind == "therapeutic"));
        Assert.True(report.IdentifierIsDerived);
    }

    [Fact]
    public void Stu2_oncology_diagnostic_reads_the_stu1_gene_system_and_keeps_the_diagnostic_implication()
    {
        var report = Assert.Single(Reader.Parsed(TestFiles.VendoredFile("genomics-reporting-stu2-json/Bundle-bundle-oncology-diagnostic.json")).Reports);

        var braf = Assert.Single(report.Alterations);
        Assert.Equal(("BRAF V600E", "BRAF"), (braf.Key, braf.Gene));
        var annotation = Assert.Single(report.LabAnnotations);
        Assert.Equal(("diagnostic", "Pathogenic"), (annotation.Kind, annotation.Effect));
    }
}
