using TumorBoard.Core.Vocabularies;

namespace TumorBoard.Benchmarks;

/// <summary>
/// Vocabularies for the benchmark: OncoTree from the shared data folder beside the repository and the
/// stand-in drug list of the knowledge-base tests (until the shipped vocabulary loader is on main).
/// </summary>
internal static class BenchmarkVocabulary
{
    private static readonly string[] OncoTreeCandidates = ["../shared/data/oncotree_2025_10_03.tsv", "/work/shared/data/oncotree_2025_10_03.tsv"];

    public static OncoTree OncoTree()
    {
        var path = OncoTreeCandidates
            .Select(Path.GetFullPath).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("OncoTree TSV not found; run from the repository root.");
        var nodes = File.ReadLines(path).Skip(1).Select(line => line.Split('\t')).Where(c => c.Length >= 7)
            .Select(c => new OncoTreeNode(c[0], c[1], c[2], c[6].Split('/')[1], c[4] is "" or "TISSUE" ? null : c[4]));
        return new OncoTree("oncotree_2025_10_03", nodes);
    }

    public static DrugNames Drugs()
    {
        var names = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "drug-vocabulary.txt"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToDictionary(l => l, l => l, StringComparer.OrdinalIgnoreCase);
        return new DrugNames(new Dictionary<string, string>(), names);
    }
}
