using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Core.Tests.Alterations;

/// <summary>A handful of HGNC symbols and aliases, enough for notation tests.</summary>
internal static class TestGenes
{
    public static GeneSymbols Create() => new(
        ["EML4", "ALK", "ROS1", "CD74", "NKX2-1", "FGFR2", "BICC1", "ERBB2", "BCR", "ABL1", "RET", "KIF5B"],
        new Dictionary<string, string> { ["HGNC:427"] = "ALK" },
        new Dictionary<string, string[]>(),
        new Dictionary<string, string[]> { ["HER2"] = ["ERBB2"], ["PTC"] = ["RET"] });
}
