namespace TumorBoard.Fhir.Tests;

/// <summary>Locates the test fixtures and the shared IG examples.</summary>
internal static class TestFiles
{
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>
    /// The shared IG examples: the <c>shared/fhir-examples</c> folder beside the repository root, found by
    /// walking up from the test assembly (in /work it is /work/shared next to the working tree).
    /// </summary>
    public static string SharedExamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fhir-examples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/fhir-examples folder beside any parent of {AppContext.BaseDirectory}; the IG example tests need the shared folder next to the repository root.");
    }

    public static string SharedExample(string relativePath) => File.ReadAllText(Path.Combine(SharedExamples(), relativePath));
}
