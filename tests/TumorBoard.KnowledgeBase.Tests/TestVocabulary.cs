using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests;

/// <summary>The shipped vocabularies (OncoTree 2025-10-03, drugs with classes) for rule tests, and where the shipped data lives.</summary>
public static class TestVocabulary
{
    public static OncoTree OncoTree => VocabularyLoader.LoadEmbedded().OncoTree;

    public static DrugNames Drugs => VocabularyLoader.LoadEmbedded().Drugs;

    public static string ShippedDataDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TumorBoard.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(
                directory?.FullName ?? throw new InvalidOperationException("TumorBoard.sln not found above the test assembly."),
                "src", "TumorBoard.KnowledgeBase", "Data");
        }
    }
}
