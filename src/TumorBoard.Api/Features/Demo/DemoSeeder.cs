using TumorBoard.Api.Features.Ingestion;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Infrastructure;
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
    public static async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var knowledge = app.Services.GetRequiredService<Knowledge>();
        foreach (var name in DemoBundles.Names())
        {
            var body = DemoBundles.Read(name[DemoBundles.ResourcePrefix.Length..]);
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
