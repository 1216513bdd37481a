namespace TumorBoard.Fhir.Tests;
public class ProbeTests
{
    [Theory]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncology-report-example.json")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-oncology-report-example.json")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncologyexamples-r4.json")]
    [InlineData("genomics-reporting-stu2-json/Bundle-bundle-oncology-diagnostic.json")]
    [InlineData("genomics-reporting-stu3-json/Bundle-bundle-oncologyexamples-r4-withGrouping.json")]
    public void Probe(string file)
    {
        var result = new GenomicBundleReader(TestVocabulary.Create()).Read(TestFiles.SharedExample(file), FhirFormat.Json);
        var lines = new List<string> { "FILE " + file + " malformed=" + result.IsMalformed };
        foreach (var i in result.Issues) lines.Add($"  {i.Severity} {i.Code} {i.Expression} :: {i.Diagnostics}");
        foreach (var r in result.Bundle?.Reports ?? []) {
            lines.Add($"  REPORT {r.Identifier} derived={r.IdentifierIsDerived} status={r.Status} spec={r.Specimen} panel={(r.PanelGenes is null ? "null" : string.Join(",", r.PanelGenes))} hash={r.ContentHash[..8]} ann={r.LabAnnotations.Count}");
            foreach (var a in r.Alterations) lines.Add($"    {a.Key} | {a.Gene} {a.Kind} p={a.Protein?.Text} c={a.CodingChange} t={a.Transcript} vaf={a.Vaf} cn={a.CopyNumber} call={a.CnaCall} fus={(a.FusionGenes is null ? "" : string.Join("+", a.FusionGenes))} val={a.Value} origin={a.Origin} interp={a.Interpreted} desc={a.Description}");
        }
        File.AppendAllLines("/tmp/probe.txt", lines);
    }
}
