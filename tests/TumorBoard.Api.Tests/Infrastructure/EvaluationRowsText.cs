using System.Globalization;
using System.Text;
using TumorBoard.Api.Features.Recommendations;

namespace TumorBoard.Api.Tests.Infrastructure;

/// <summary>
/// Every stored value of an evaluation's rows as text, one line per row (the document on its own line): what the golden
/// evaluation file pins and what the re-match's document test compares between its two paths.
/// </summary>
public static class EvaluationRowsText
{
    public static void Append(StringBuilder text, EvaluationRows rows)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rows);
        var e = rows.Evaluation;
        text.Append(CultureInfo.InvariantCulture, $"{e.Id} {e.PatientId} {e.EvaluatedAt:O} {e.KnowledgeBaseVersion} {e.KnowledgeBaseHash} {e.TrialsVersion} {e.TrialsHash} {e.PreviousEvaluationId} {e.Trigger} {string.Join(',', e.ReportIds)}\n");
        text.Append(e.Document).Append('\n');
        foreach (var r in rows.Recommendations)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Id} {r.EvaluationId} {r.PatientId} {r.Kind} {r.RuleId} {r.TrialId} {r.ArmId} {r.Status} {r.ArmStatus} {r.Payload}\n");
        }

        foreach (var l in rows.Latest)
        {
            text.Append(CultureInfo.InvariantCulture, $"{l.RecommendationId} {l.PatientId} {l.TrialId} {l.ArmId} {l.Status} {l.ArmStatus}\n");
        }

        foreach (var a in rows.Audit)
        {
            text.Append(CultureInfo.InvariantCulture, $"{a.At:O} {a.Actor} {a.Action} {a.EntityType} {a.EntityId} {a.PatientId} {a.Details}\n");
        }
    }
}
