using System.Xml.Linq;
using TumorBoard.Api.Tests.Infrastructure;

namespace TumorBoard.Api.Tests.Pairs;

public sealed class ComparisonPictureTests(TumorBoardApp app) : ApiTest(app)
{
    [Fact]
    public async Task The_served_picture_names_the_tumour_and_the_samples_and_draws_erlotinib_between_them_without_report_ids()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());

        var svg = await (await Board.GetAsync($"/api/patients/{ingested.PatientId}/comparison.svg")).Content.ReadAsStringAsync();

        var document = XDocument.Parse(svg);
        Assert.StartsWith("Lung Adenocarcinoma (LUAD):", document.Root!.Elements().First(e => e.Name.LocalName == "title").Value, StringComparison.Ordinal);
        Assert.All(ingested.ReportIds, id => Assert.DoesNotContain(id.ToString(), svg, StringComparison.OrdinalIgnoreCase));
        var timeline = document.Descendants().Where(e => (string?)e.Attribute("class") == "timeline-label").Select(e => e.Value).ToList();
        Assert.StartsWith("erlotinib: ", Assert.Single(timeline), StringComparison.Ordinal);
        Assert.Contains(document.Descendants(), e => (string?)e.Attribute("class") == "label-vaf");
    }
}
