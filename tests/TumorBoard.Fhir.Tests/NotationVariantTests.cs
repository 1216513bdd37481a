using System.Text.Json.Nodes;
using TumorBoard.Core.Alterations;

namespace TumorBoard.Fhir.Tests;

/// <summary>The same change spelled differently by different labs must give the same alteration.</summary>
public class NotationVariantTests
{
    private const string Paired = "paired-lung-liver.json";
    private const int MetL858R = 10;

    [Theory]
    [InlineData("{\"coding\": [{\"system\": \"http://varnomen.hgvs.org\", \"code\": \"NP_005219.2:p.Leu858Arg\"}]}")]
    [InlineData("{\"coding\": [{\"system\": \"http://varnomen.hgvs.org\", \"code\": \"p.(Leu858Arg)\"}]}")]
    [InlineData("{\"text\": \"p.L858R\"}")]
    [InlineData("{\"text\": \"L858R\"}")]
    [InlineData("{\"coding\": [{\"display\": \"p.Leu858Arg\"}]}")]
    public void Protein_spellings_in_the_protein_component_give_one_alteration(string concept)
    {
        var alteration = MetastasisAlteration(b => Component(b, MetL858R, 1)["valueCodeableConcept"] = JsonNode.Parse(concept));

        Assert.Equal(("EGFR L858R", "L858R", AlterationKind.Snv), (alteration.Key, alteration.Protein!.Text, alteration.Kind));
        Assert.True(alteration.Interpreted);
    }

    [Theory]
    [InlineData("p.E746_A750delELREA")]
    [InlineData("p.Glu746_Ala750del")]
    [InlineData("E746_A750del")]
    [InlineData("delE746-A750")]
    public void Exon19_deletion_spellings_give_one_alteration(string protein)
    {
        var alteration = MetastasisAlteration(b => Component(b, MetL858R, 1)["valueCodeableConcept"] = new JsonObject { ["text"] = protein });

        Assert.Equal(("EGFR E746_A750del", AlterationKind.Indel), (alteration.Key, alteration.Kind));
    }

    [Theory]
    [InlineData("EGFR L858R")]
    [InlineData("EGFR p.Leu858Arg")]
    public void Without_a_protein_component_the_change_is_found_in_the_variation_text(string text)
    {
        var alteration = MetastasisAlteration(b => Component(b, MetL858R, 1).ReplaceWith(JsonNode.Parse(
            $"{{\"code\": {{\"coding\": [{{\"system\": \"http://loinc.org\", \"code\": \"81252-9\"}}]}}, \"valueCodeableConcept\": {{\"text\": \"{text}\"}}}}")));

        Assert.Equal("EGFR L858R", alteration.Key);
        Assert.Equal(text, alteration.Description);
    }

    [Theory]
    [InlineData("{\"text\": \"HER2\"}")]
    [InlineData("{\"coding\": [{\"system\": \"http://www.genenames.org\", \"display\": \"ERBB2\"}]}")]
    [InlineData("{\"coding\": [{\"system\": \"http://www.genenames.org/geneId\", \"display\": \"her2\"}]}")]
    public void Gene_aliases_and_systems_resolve_to_the_approved_symbol(string concept)
    {
        var bundle = Reader.Accepted(Mutations.Of(Paired, b => Component(b, 12, 0)["valueCodeableConcept"] = JsonNode.Parse(concept)));

        Assert.Contains(bundle.Reports[1].Alterations, a => a.Key == "ERBB2 amplification" && a.Gene == "ERBB2");
    }

    [Theory]
    [InlineData("EML4::ALK")]
    [InlineData("EML4-ALK")]
    [InlineData("EML4/ALK fusion")]
    [InlineData("EML4 ALK fusion")]
    [InlineData("EML4--ALK")]
    public void Fusion_spellings_give_one_fusion(string text)
    {
        var alteration = MetastasisAlteration(b => Component(b, 13, 2)["valueCodeableConcept"] = new JsonObject { ["text"] = text }, 3);

        Assert.Equal(("EML4::ALK", "ALK"), (alteration.Key, alteration.Gene));
        Assert.Equal(["EML4", "ALK"], alteration.FusionGenes);
    }

    [Fact]
    public void An_ambiguous_alias_is_not_guessed()
    {
        var bundle = Reader.Parsed(Mutations.Of(Paired, b => Component(b, MetL858R, 0)["valueCodeableConcept"] = new JsonObject { ["text"] = "MLL4" }));

        Assert.False(bundle.Reports[1].Alterations[0].Interpreted);
        Assert.Contains(bundle.Issues, i => i.Expression == $"Bundle.entry[{MetL858R}].resource.component[0]" && i.Diagnostics.Contains("ambiguous", StringComparison.Ordinal));
    }

    private static Alteration MetastasisAlteration(Action<JsonObject> change, int index = 0) =>
        Reader.Accepted(Mutations.Of(Paired, change)).Reports.Single(r => r.Identifier.Value == "ACC-2").Alterations[index];

    private static JsonObject Component(JsonObject bundle, int entry, int component) =>
        Mutations.Resource(bundle, entry)["component"]![component]!.AsObject();
}
