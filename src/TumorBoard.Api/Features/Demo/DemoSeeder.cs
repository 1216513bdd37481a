using TumorBoard.Api.Features.Ingestion;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Fhir;

namespace TumorBoard.Api.Features.Demo;

/// <summary>
/// <c>dotnet run --project src/TumorBoard.Api -- seed-demo</c>: stores the synthetic paired cases shipped
/// in Demo/ through the same reader and store as POST /fhir/Bundle, so a newcomer sees full cases in
/// the Swagger UI at once. Idempotent: running it again changes nothing.
/// </summary>
public static class DemoSeeder
{
    public const string Command = "seed-demo";

    /// <summary>One shipped demo bundle's JSON, e.g. as the Swagger UI's example request.</summary>
    public static string Read(string fileName)
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("Demo/" + fileName)
            ?? throw new ArgumentException($"No demo bundle {fileName}.", nameof(fileName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static async Task<int> RunAsync(WebApplication app)
    {
        var assembly = typeof(DemoSeeder).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith("Demo/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var knowledge = app.Services.GetRequiredService<Knowledge>();
        foreach (var name in names)
        {
            await using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var body = await reader.ReadToEndAsync();
            var read = knowledge.BundleReader.Read(body, FhirFormat.Json);
            if (read.Bundle is not { HasErrors: false } bundle)
            {
                Console.Error.WriteLine($"{name}: not accepted: {string.Join("; ", read.Issues.Select(i => i.Diagnostics))}");
                return 1;
            }

            await using var scope = app.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<BundleStore>();
            var outcome = await store.StoreAsync(bundle, new RawBundle(body, "application/fhir+json"), "seed-demo", CancellationToken.None);
            var patientId = outcome switch
            {
                IngestOutcome.Stored s => s.PatientId.ToString(),
                IngestOutcome.Unchanged u => u.PatientId + " (already stored)",
                _ => "conflict",
            };
            Console.WriteLine($"{name[5..],-48} patient {patientId}");
        }

        return 0;
    }
}
