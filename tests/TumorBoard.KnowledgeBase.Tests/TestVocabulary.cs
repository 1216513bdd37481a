using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests;

/// <summary>
/// Vocabularies for the tests: OncoTree 2025-10-03 read from the shared data folder beside the repository
/// (test code only), and a stand-in drug vocabulary kept in Fixtures/.
/// </summary>
public static class TestVocabulary
{
    private static readonly Lazy<OncoTree> LazyOncoTree = new(LoadOncoTree);
    private static readonly Lazy<DrugNames> LazyDrugs = new(LoadDrugs);

    public static OncoTree OncoTree => LazyOncoTree.Value;

    public static DrugNames Drugs => LazyDrugs.Value;

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TumorBoard.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("TumorBoard.sln not found above the test assembly.");
        }
    }

    public static string ShippedDataDirectory => Path.Combine(RepositoryRoot, "src", "TumorBoard.KnowledgeBase", "Data");

    private static OncoTree LoadOncoTree()
    {
        var candidates = new[]
        {
            Path.Combine(RepositoryRoot, "..", "shared", "data", "oncotree_2025_10_03.tsv"),
            "/work/shared/data/oncotree_2025_10_03.tsv",
        };
        var path = candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("OncoTree TSV not found", candidates[0]);
        var nodes = File.ReadLines(path).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length >= 7)
            // The tissue column holds a name; the tissue code is the path's second element (TISSUE/LUNG/NSCLC).
            .Select(cells => new OncoTreeNode(cells[0], cells[1], cells[2], cells[6].Split('/')[1], string.IsNullOrEmpty(cells[4]) || cells[4] == "TISSUE" ? null : cells[4]))
            .ToList();
        return new OncoTree("oncotree_2025_10_03", nodes);
    }

    private static DrugNames LoadDrugs()
    {
        var names = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "drug-vocabulary.txt"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToDictionary(l => l, l => l, StringComparer.OrdinalIgnoreCase);
        return new DrugNames(new Dictionary<string, string>(), names);
    }
}
