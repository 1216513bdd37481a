using TumorBoard.Api.Features.Audit;
using TumorBoard.Api.Infrastructure;
using TumorBoard.Api.ReadModels;
using TumorBoard.Core.Pairs;
using TumorBoard.Persistence;

namespace TumorBoard.Api.Features.Comparison;

/// <summary>
/// A patient's paired comparison (by default the latest primary against the latest metastasis or ctDNA; from/to pick
/// any two reports), with the latest evaluation's resistance findings; the read is audited. For the API and the board page.
/// </summary>
public sealed class PairComparisonQuery(TumorBoardDbContext db, AuditLog audit)
{
    /// <summary>The compared pair, or why not: no such patient or report (not found), fewer than two comparable reports (conflict), a malformed pick (invalid).</summary>
    public async Task<Outcome<ComparedPair>> CompareAsync(Guid patientId, Guid? from, Guid? to, CancellationToken ct)
    {
        var snapshot = await PatientSnapshotLoader.LoadAsync(db, patientId, ct);
        if (snapshot is null)
        {
            return new(Failure.NotFound("patient", patientId));
        }

        var selection = PairSelector.Select(snapshot.Reports, from?.ToString(), to?.ToString());
        switch (selection)
        {
            case NotEnoughReports n:
                return new(new Failure(FailureKind.Conflict, $"A comparison needs two comparable tumour reports; the patient has {n.ComparableReportCount}."));
            case UnknownReport u:
                return new(new Failure(FailureKind.NotFound, $"Report {u.ReportId} is not one of the patient's reports."));
            case InvalidPairRequest invalid:
                return new(new Failure(FailureKind.Invalid, invalid.Reason));
        }

        var pair = (SelectedPair)selection;
        var resistance = ResistanceEvidence.FromKeys(await ResistantKeysAsync(snapshot.Patient.LatestEvaluationId, ct));
        var compared = new ComparedPair(PairComparer.Compare(pair.From, pair.To, resistance), pair.Basis, PairPlotContexts.For(snapshot, pair.From, pair.To));
        await audit.RecordReadAsync("comparison", patientId.ToString(), patientId, ct);
        return new(compared);
    }

    /// <summary>Alteration keys with a resistance finding in the latest evaluation: what makes an acquired alteration emergent resistance.</summary>
    private async Task<IReadOnlyList<string>> ResistantKeysAsync(Guid? evaluationId, CancellationToken ct)
    {
        if (evaluationId is not { } id || await EvaluationReader.LoadStoredAsync(db, id, ct) is not { } evaluation)
        {
            return [];
        }

        return evaluation.Therapies.Where(t => t.Effect == "resistant").Select(t => t.AlterationKey).Distinct().ToList();
    }
}
