using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Api.Features.KnowledgeBase;
using TumorBoard.Api.Features.Recommendations;
using TumorBoard.Api.Features.Rematch;
using TumorBoard.Api.ReadModels;
using TumorBoard.Api.Tests.Evolution;
using TumorBoard.Api.Tests.Infrastructure;
using TumorBoard.Persistence;
using TumorBoard.TestSupport.Fhir;

namespace TumorBoard.Api.Tests.Trials;

/// <summary>
/// The re-match's evaluating stage reads its patients with its own statements (<see cref="RematchSnapshots"/>), not
/// through EF's Includes: what it builds must be exactly what the single-patient path builds from the same rows.
/// </summary>
public sealed class RematchDocumentTests(TumorBoardApp app) : ApiTest(app)
{
    [Fact]
    public async Task Given_patients_with_every_kind_of_stored_fact_when_a_rematch_batch_evaluates_them_then_each_document_and_its_rows_equal_the_single_patient_paths_to_the_byte()
    {
        // Between them: several reports per patient, metastasis and ctDNA specimens, purity, fusions, copy number,
        // panel genes, germline-suspect origins, therapies with and without an end, a marker, a disease status.
        var bundles = new[]
        {
            Cases.LungT790MAfterErlotinib(),
            Cases.BreastEsr1UnderLetrozole(),
            Cases.LungAlkG1202RAfterAlectinib(),
            Cases.LungCtdna(),
            Cases.BreastGermlineSuspect(),
            Cases.LungPanelWithoutMet(),
            Cases.BreastAkt1Progressed(),
            Cases.Patient("MRN-HER2", "IDC", "Breast Invasive Ductal Carcinoma", TestSite.Breast)
                .Marker(new TestMarker("85319-2", "HER2 [Presence] in Tissue by Immune stain", "LA6576-8", "Positive"), Cases.Diagnosis)
                .Report(new TestReport("ACC-HER2-1", TestSite.Breast, Cases.Diagnosis, [new TestCopyNumber("ERBB2", 12m)]))
                .ToJson(),
            EvolutionCases.Bundle(EvolutionCases.PurityReported),
        };
        var ids = new List<Guid>();
        foreach (var bundle in bundles)
        {
            ids.Add((await IngestAsync(bundle)).PatientId);
        }

        ids.Sort();
        var knowledge = App.Services.GetRequiredService<Knowledge>();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TumorBoardDbContext>();
        var trials = await scope.ServiceProvider.GetRequiredService<TrialContextProvider>().GetAsync(CancellationToken.None);

        var batch = await App.Services.GetRequiredService<Rematcher>().EvaluateBatchAsync(ids, trials, CancellationToken.None);

        Assert.Equal(ids, batch.Select(e => e.Document.PatientId));
        foreach (var prepared in batch)
        {
            var snapshot = await PatientSnapshotLoader.LoadAsync(db, prepared.Document.PatientId, CancellationToken.None);
            var at = prepared.Document.EvaluatedAt;
            var alone = EvaluationWriter.Rows(EvaluationBuilder.Build(knowledge, snapshot!, trials, at, "rematch"), at, "system");
            Assert.NotEmpty(prepared.Rows.Recommendations);
            Assert.Equal(Text(alone), Text(prepared.Rows));
        }
    }

    /// <summary>Every stored value of the rows, the generated ids replaced by their position (each path draws its own).</summary>
    private static string Text(EvaluationRows rows)
    {
        var text = new StringBuilder();
        EvaluationRowsText.Append(text, rows);
        var e = rows.Evaluation;
        var result = text.ToString().Replace(e.Id.ToString(), "evaluation", StringComparison.Ordinal);
        for (var i = 0; i < rows.Recommendations.Count; i++)
        {
            result = result.Replace(rows.Recommendations[i].Id.ToString(), $"recommendation-{i}", StringComparison.Ordinal);
        }

        return result;
    }
}
