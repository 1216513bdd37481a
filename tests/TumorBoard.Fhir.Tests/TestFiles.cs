namespace TumorBoard.Fhir.Tests;

/// <summary>
/// Locates the test fixtures: this project's own (<c>Fixtures/</c>) and the public HL7 files vendored in
/// <c>tests/fixtures/</c> (each folder with its SOURCE.md), which the test projects copy beside the test
/// assembly as <c>Vendored/</c>. Nothing is read from outside the repository, so a clean clone runs the suite.
/// </summary>
internal static class TestFiles
{
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>A vendored folder, e.g. <c>genomics-reporting-stu3-json</c> or the IG conformance resources <c>genomics-reporting-3.0.0</c>.</summary>
    public static string VendoredFolder(string name) => Path.Combine(AppContext.BaseDirectory, "Vendored", name);

    /// <summary>The text of a vendored file, e.g. <c>genomics-reporting-stu2-json/Bundle-bundle-oncology-report-example.json</c>.</summary>
    public static string VendoredFile(string relativePath) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vendored", relativePath));
}
