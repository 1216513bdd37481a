namespace TumorBoard.Fhir.Tests;

/// <summary>Locates the test fixtures and the shared IG examples.</summary>
internal static class TestFiles
{
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>
    /// The shared IG examples: the <c>shared/fhir-examples</c> folder beside the repository root, found by
    /// walking up from the test assembly (in /work it is /work/shared next to the working tree).
    /// </summary>
    public static string SharedExamples() => SharedFolder("fhir-examples");

    /// <summary>The IG conformance resources (StructureDefinitions etc.) of one IG version, e.g. <c>genomics-reporting-3.0.0</c>.</summary>
    public static string SharedProfiles(string igFolder) => Path.Combine(SharedFolder("fhir-profiles"), igFolder);

    private static string SharedFolder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/{name} folder beside any parent of {AppContext.BaseDirectory}; the IG tests need the shared folder next to the repository root.");
    }

    public static string SharedExample(string relativePath) => File.ReadAllText(Path.Combine(SharedExamples(), relativePath));
}
