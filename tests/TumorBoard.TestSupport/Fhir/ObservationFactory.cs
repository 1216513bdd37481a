using System.Text.Json.Nodes;

namespace TumorBoard.TestSupport.Fhir;

/// <summary>Observations in the Genomics Reporting IG STU3 shape (Variant 69548-6, TMB 94076-7, MSI 81695-9).</summary>
internal static class ObservationFactory
{
    private const string Loinc = "http://loinc.org";

    public static JsonObject Create(TestResult result, JsonObject subject, JsonObject specimen)
    {
        var observation = new JsonObject
        {
            ["status"] = "final",
            ["category"] = new JsonArray(
                GenomicBundleBuilder.Coded("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory"),
                GenomicBundleBuilder.Coded("http://terminology.hl7.org/CodeSystem/v2-0074", "GE", "Genetics")),
            ["subject"] = subject.DeepClone(),
            ["specimen"] = specimen.DeepClone(),
        };
        switch (result)
        {
            case TestTmb tmb:
                observation["code"] = GenomicBundleBuilder.Coded(Loinc, "94076-7", "Mutations/Megabase [# Ratio] in Tumor");
                observation["valueQuantity"] = new JsonObject { ["value"] = tmb.MutationsPerMegabase, ["unit"] = "/[Mb]", ["system"] = "http://unitsofmeasure.org", ["code"] = "/[Mb]" };
                break;
            case TestMsi msi:
                observation["code"] = GenomicBundleBuilder.Coded(Loinc, "81695-9", "Microsatellite instability [Interpretation] in Cancer specimen Qualitative");
                observation["valueCodeableConcept"] = msi.High
                    ? GenomicBundleBuilder.Coded(Loinc, "LA26203-2", "MSI-H")
                    : GenomicBundleBuilder.Coded(Loinc, "LA14122-8", "Stable");
                break;
            case TestPanel panel:
                observation["code"] = GenomicBundleBuilder.Coded(Loinc, "53041-0", "DNA region of interest panel");
                observation["component"] = new JsonArray(panel.Genes.Select(g => (JsonNode)Gene(g)).ToArray());
                break;
            default:
                observation["code"] = GenomicBundleBuilder.Coded(Loinc, "69548-6", "Genetic variant assessment");
                observation["valueCodeableConcept"] = GenomicBundleBuilder.Coded(Loinc, "LA9633-4", "Present");
                observation["component"] = VariantComponents(result);
                break;
        }

        return observation;
    }

    private static JsonArray VariantComponents(TestResult result)
    {
        var components = new JsonArray();
        switch (result)
        {
            case TestVariant v:
                components.Add(Gene(v.Gene));
                if (v.ProteinHgvs is not null)
                {
                    components.Add(Component("48005-3", "Amino acid change (pHGVS)", GenomicBundleBuilder.Coded("http://varnomen.hgvs.org", v.ProteinHgvs, v.ProteinHgvs)));
                }

                if (v.CodingHgvs is not null)
                {
                    components.Add(Component("48004-6", "DNA change (c.HGVS)", GenomicBundleBuilder.Coded("http://varnomen.hgvs.org", v.CodingHgvs, v.CodingHgvs)));
                }

                if (v.Text is not null)
                {
                    components.Add(Component("81252-9", "Discrete genetic variant", new JsonObject { ["text"] = v.Text }));
                }

                if (v.Vaf is { } vaf)
                {
                    components.Add(new JsonObject
                    {
                        ["code"] = GenomicBundleBuilder.Coded(Loinc, "81258-6", "Sample variant allelic frequency [NFr]"),
                        ["valueQuantity"] = new JsonObject { ["value"] = vaf, ["system"] = "http://unitsofmeasure.org", ["code"] = "1" },
                    });
                }

                if (v.Origin != "unknown")
                {
                    components.Add(Component("48002-0", "Genomic source class", v.Origin == "germline"
                        ? GenomicBundleBuilder.Coded(Loinc, "LA6683-2", "Germline")
                        : GenomicBundleBuilder.Coded(Loinc, "LA6684-0", "Somatic")));
                }
                break;
            case TestCopyNumber cn:
                components.Add(Gene(cn.Gene));
                components.Add(Component("48019-4", "DNA change type", GenomicBundleBuilder.Coded("http://www.sequenceontology.org", "SO:0001019", "copy_number_variation")));
                components.Add(new JsonObject
                {
                    ["code"] = GenomicBundleBuilder.Coded(Loinc, "82155-3", "Genomic structural variant copy number"),
                    ["valueQuantity"] = new JsonObject { ["value"] = cn.CopyNumber, ["system"] = "http://unitsofmeasure.org", ["code"] = "1" },
                });
                components.Add(Component("48002-0", "Genomic source class", GenomicBundleBuilder.Coded(Loinc, "LA6684-0", "Somatic")));
                break;
            case TestFusion f:
                components.Add(Gene(f.FivePrimeGene));
                components.Add(Gene(f.ThreePrimeGene));
                components.Add(Component("81252-9", "Discrete genetic variant", new JsonObject { ["text"] = $"{f.FivePrimeGene}::{f.ThreePrimeGene} fusion" }));
                components.Add(Component("48002-0", "Genomic source class", GenomicBundleBuilder.Coded(Loinc, "LA6684-0", "Somatic")));
                break;
        }

        return components;
    }

    private static JsonObject Gene(string symbol) =>
        Component("48018-6", "Gene studied [ID]", new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://www.genenames.org", ["display"] = symbol }) });

    private static JsonObject Component(string code, string display, JsonObject value) => new()
    {
        ["code"] = GenomicBundleBuilder.Coded(Loinc, code, display),
        ["valueCodeableConcept"] = value,
    };
}
