using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Fhir.Tests;

/// <summary>
/// A small vocabulary built from the Core constructors, standing in for the embedded one until the
/// knowledge-base loader is on main. HGNC ids are those the IG examples carry.
/// </summary>
internal static class TestVocabulary
{
    public static Vocabulary Create()
    {
        var genes = new GeneSymbols(
            [
                "EGFR", "ERBB2", "ERBB4", "ALK", "EML4", "ROS1", "CD74", "MET", "BRAF", "KRAS", "NRAS", "PIK3CA", "PTEN",
                "TP53", "JAK2", "KDR", "FBXW7", "KMT2D", "KMT2B", "IRS2", "CDKN2A", "SMARCA4", "RECQL4", "SACS", "SLIT2",
                "RYR1", "MSH2", "NOTCH1", "NTHL1", "ABL1", "APC", "BCR", "ESR1",
            ],
            new Dictionary<string, string>
            {
                ["HGNC:3236"] = "EGFR",
                ["HGNC:427"] = "ALK",
                ["HGNC:1097"] = "BRAF",
                ["HGNC:8975"] = "PIK3CA",
                ["HGNC:7989"] = "NRAS",
                ["HGNC:16712"] = "FBXW7",
                ["HGNC:7133"] = "KMT2D",
                ["HGNC:6126"] = "IRS2",
                ["HGNC:1787"] = "CDKN2A",
                ["HGNC:11100"] = "SMARCA4",
                ["HGNC:9949"] = "RECQL4",
                ["HGNC:10519"] = "SACS",
                ["HGNC:11086"] = "SLIT2",
                ["HGNC:10483"] = "RYR1",
                ["HGNC:76"] = "ABL1",
                ["HGNC:583"] = "APC",
            },
            new Dictionary<string, string[]> { ["MLL2"] = ["KMT2D"] },
            new Dictionary<string, string[]> { ["HER2"] = ["ERBB2"], ["MLL4"] = ["KMT2B", "KMT2D"] });
        var oncoTree = new OncoTree(
            "test",
            [
                new OncoTreeNode("LUNG", "Lung", "Lung", "LUNG", null),
                new OncoTreeNode("NSCLC", "Non-Small Cell Lung Cancer", "Non-Small Cell Lung Cancer", "LUNG", "LUNG"),
                new OncoTreeNode("LUAD", "Lung Adenocarcinoma", "Non-Small Cell Lung Cancer", "LUNG", "NSCLC"),
                new OncoTreeNode("BREAST", "Breast", "Breast Cancer", "BREAST", null),
                new OncoTreeNode("BRCA", "Invasive Breast Carcinoma", "Breast Cancer", "BREAST", "BREAST"),
                new OncoTreeNode("BOWEL", "Bowel", "Colorectal Cancer", "BOWEL", null),
                new OncoTreeNode("COADREAD", "Colorectal Adenocarcinoma", "Colorectal Cancer", "BOWEL", "BOWEL"),
            ]);
        var crosswalk = new TumorCrosswalk(
            [
                (TumorCrosswalk.Snomed, "254637007", "NSCLC"),
                (TumorCrosswalk.Snomed, "424993006", "LUAD"),
                (TumorCrosswalk.Icd10Cm, "C34", "NSCLC"),
                (TumorCrosswalk.Icd10Cm, "C50", "BRCA"),
            ]);
        var drugs = new DrugNames(
            new Dictionary<string, string>(),
            new Dictionary<string, string>
            {
                ["erlotinib"] = "erlotinib",
                ["tarceva"] = "erlotinib",
                ["osimertinib"] = "osimertinib",
                ["tagrisso"] = "osimertinib",
                ["carboplatin"] = "carboplatin",
                ["pemetrexed"] = "pemetrexed",
            });
        return new Vocabulary(genes, oncoTree, crosswalk, drugs);
    }
}
