using System.Xml.Linq;
using TumorBoard.Api.Presentation.Svg;
using TumorBoard.Core.Alterations;
using TumorBoard.Core.Pairs;
using TumorBoard.Core.Patients;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Api.Tests.Presentation.Svg;

/// <summary>
/// The example patient of docs/pairs.md. Set TUMORBOARD_EXAMPLE_SVG to a file path to (re)write the
/// committed picture: <c>TUMORBOARD_EXAMPLE_SVG=$PWD/docs/images/example-pair.svg dotnet test tests/TumorBoard.Core.Tests</c>.
/// </summary>
public class ExamplePairSvgTests
{
    public const string OutputVariable = "TUMORBOARD_EXAMPLE_SVG";

    /// <summary>
    /// EGFR L858R lung adenocarcinoma: tissue primary (broad panel) then a liver metastasis after erlotinib,
    /// sequenced on a smaller panel without STK11.
    /// </summary>
    public static PairComparison ExampleComparison() => PairComparer.Compare(
        Report("primary-2019", SpecimenRole.Primary, "2019-03-01",
            Snv("EGFR", "L858R", 0.38m), Snv("TP53", "R273H", 0.33m), Snv("PIK3CA", "E545K", 0.09m),
            Snv("BRCA2", "V2466A", 0.49m), Snv("STK11", "Q37*", 0.21m), Tmb(6m)),
        Report("liver-met-2021", SpecimenRole.Metastasis, "2021-02-01",
            Snv("EGFR", "L858R", 0.44m), Snv("TP53", "R273H", 0.41m), Snv("EGFR", "T790M", 0.11m),
            Snv("BRCA2", "V2466A", 0.52m), Snv("CTNNB1", "S37F", 0.06m), Amplification("MET", 9m), Tmb(9m))
            .Panel("EGFR", "TP53", "PIK3CA", "BRCA2", "CTNNB1", "MET", "KRAS", "ALK"),
        ResistanceEvidence.FromKeys(["EGFR T790M"]));

    [Fact]
    public void The_documented_example_renders_every_status_and_flag_it_describes()
    {
        var comparison = ExampleComparison();

        var svg = PairScatterSvg.Render(comparison);
        WriteWhenAsked(svg);

        var document = XDocument.Parse(svg);
        var statuses = document.Descendants().Select(e => (string?)e.Attribute("data-status")).OfType<string>().ToHashSet();
        Assert.Equal(["acquired", "lost", "notTested", "shared"], statuses.Order(StringComparer.Ordinal));
        Assert.Equal([PairFlag.GermlineSuspect], comparison.Entry("BRCA2 V2466A").Flags);
        Assert.Equal([PairFlag.EmergentResistance], comparison.Entry("EGFR T790M").Flags);
        Assert.Equal([PairFlag.Subclonal], comparison.Entry("CTNNB1 S37F").Flags);
        Assert.Equal(AlterationKind.Cna, comparison.Entry("MET amplification").Kind);
    }

    private static void WriteWhenAsked(string svg)
    {
        var path = Environment.GetEnvironmentVariable(OutputVariable);
        if (!string.IsNullOrWhiteSpace(path))
        {
            File.WriteAllText(path, svg);
        }
    }
}
