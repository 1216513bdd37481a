using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.Fhir.Tests.Recommendations;

namespace TumorBoard.Api.Tests.Fhir;

public sealed class FhirRecommendationsTests(TumorBoardApp app) : ApiTest(app)
{
    private const string TaskProfile = "http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/medication-recommendation";

    [Fact]
    public async System.Threading.Tasks.Task Given_a_reviewed_and_signed_off_case_then_the_FHIR_bundle_validates_against_the_IG_profiles()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        var osimertinib = Therapies.For(evaluation, "osimertinib").First().GetProperty("recommendationId").GetGuid();
        await Board.PostAsJsonAsync($"/api/recommendations/{osimertinib}/reviews", new { decision = "accepted" });
        await Board.PostAsJsonAsync($"/api/evaluations/{ingested.EvaluationId}/sign-off", new { comment = "MTB", acceptUnreviewed = true });

        var response = await Board.GetAsync($"/fhir/Patient/{ingested.PatientId}/$recommendations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var report = bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>().Single();
        Assert.Equal(DiagnosticReport.DiagnosticReportStatus.Final, report.Status);
        var task = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Task>());
        Assert.Contains(TaskProfile, task.Meta!.Profile);
        var implications = bundle.Entry.Select(e => e.Resource).OfType<Observation>().Where(o => o.DerivedFrom.Count > 0).ToList();
        Assert.NotEmpty(implications);
        var ids = bundle.Entry.Select(e => e.FullUrl).ToHashSet();
        Assert.All(implications.SelectMany(i => i.DerivedFrom), reference => Assert.Contains(reference.Reference, ids));

        var issues = new ProfileValidator().Validate(bundle)
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Expression.FirstOrDefault()}: {i.Details?.Text ?? i.Diagnostics}")
            .ToList();
        Assert.True(issues.Count == 0, string.Join(Environment.NewLine, issues));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_patient_without_an_evaluation_is_a_404_operation_outcome()
    {
        var response = await Board.GetAsync($"/fhir/Patient/{Guid.NewGuid()}/$recommendations");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
    }
}
