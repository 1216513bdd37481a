using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TumorBoard.Api.Features.Reviews;
using TumorBoard.Api.Features.Trials;
using TumorBoard.Api.ReadModels;

namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// What the CLR types cannot say: closed vocabularies as enums, required request fields, and what the clinical
/// fields mean (level, effect, sample …), so the document is a reference a board's IT can build on.
/// </summary>
internal sealed class OpenApiSchemaDetails : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, (string[] Required, Dictionary<string, (string? Description, string[]? Enum)> Properties)> Details = new()
    {
        [typeof(ReviewRequest)] = (["decision"], new()
        {
            ["decision"] = ("The board's decision. rejected needs a comment; modified needs drugs.", ReviewDecisions.All),
            ["comment"] = ("Why (up to 4000 characters); required for rejected.", null),
            ["drugs"] = ("For modified only: the drugs chosen instead (lower-case INN).", null),
        }),
        [typeof(CarryOverRequest)] = ([], new()),
        [typeof(SignOffRequest)] = ([], new()
        {
            ["acceptUnreviewed"] = ("Must be true to sign off while recommendations are unreviewed; recorded with the sign-off.", null),
        }),
        [typeof(ArmStatusRequest)] = (["status"], new()
        {
            ["status"] = ("The arm's accrual status.", ["open", "closed", "suspended"]),
            ["reason"] = ("Why, for the board and the audit trail (up to 1000 characters).", null),
        }),
        [typeof(TherapyRecommendationDto)] = ([], new()
        {
            ["effect"] = ("sensitive: the alteration predicts benefit; resistant: it predicts resistance to the drugs.", ["sensitive", "resistant"]),
            ["level"] = ("OncoKB-style level of evidence: 1 FDA-recognised in this tumour type, 2 standard care, 3A clinical evidence in this type, 3B in another type, 4 biological evidence; R1 standard-care resistance, R2 clinical resistance evidence.",
                ["1", "2", "3A", "3B", "4", "R1", "R2"]),
            ["sample"] = ("The sample(s) the matched alteration was found in: primary only, the governing metastasis or ctDNA only, both, or unknown (specimen role not determined).",
                ["primary", "metastasis", "both", "ctdna", "unknown"]),
            ["emergent"] = ("Acquired in the governing (most recent metastasis or ctDNA) sample: absent from the primary, which tested for it.", null),
            ["contraindicated"] = ("Supported only by the primary while the governing sample acquired resistance to the same drug.", null),
            ["tumorTypeMatch"] = ("How the rule's tumour scope matched the patient's OncoTree type.", ["exact", "ancestor", "agnostic", "other"]),
            ["escat"] = ("ESMO ESCAT tier, when the rule carries a sourced one.", null),
            ["ruleId"] = ("The knowledge-base rule that fired, e.g. LUNG-EGFR-T790M/osimertinib.", null),
            ["alterationKey"] = ("The matched alteration, e.g. EGFR T790M.", null),
            ["caveats"] = ("What the board must check: unconfirmed context and acquired resistance naming the alteration and rule.", null),
        }),
        [typeof(TrialRecommendationDto)] = ([], new()
        {
            ["status"] = ("eligible: every criterion met; potential: none unmet, some unknown; ineligible: an exclusion fired.", ["eligible", "potential", "ineligible"]),
            ["armStatus"] = ("The arm's accrual status now.", ["open", "closed", "suspended"]),
            ["armStatusAtEvaluation"] = ("The arm's accrual status the evaluation was computed against.", ["open", "closed", "suspended"]),
        }),
        [typeof(ReviewStateDto)] = ([], new()
        {
            ["status"] = ("pending until a board member decides; then the decision.", ["pending", .. ReviewDecisions.All]),
        }),
        [typeof(EvaluationHistoryItemDto)] = ([], new()
        {
            ["state"] = (null, ["signedOff", "pending", "superseded", "supersededSignedOff"]),
        }),
        [typeof(EvaluationCauseDto)] = ([], new()
        {
            ["trigger"] = ("What made the evaluation.", ["ingestion", "request", "rematch"]),
        }),
        [typeof(FieldChangeDto)] = ([], new()
        {
            ["field"] = (null, ["level", "effect", "drugs", "sample", "emergent", "contraindicated", "inConflict", "status", "armStatus"]),
        }),
        [typeof(ArmStatusChangeDto)] = ([], new()
        {
            ["from"] = (null, ["open", "closed", "suspended"]),
            ["to"] = (null, ["open", "closed", "suspended"]),
        }),
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!Details.TryGetValue(context.JsonTypeInfo.Type, out var details) || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        foreach (var (name, (text, values)) in details.Properties)
        {
            if (!schema.Properties.TryGetValue(name, out var property) || property is not OpenApiSchema concrete)
            {
                continue;
            }

            if (text is not null)
            {
                concrete.Description = text;
            }

            if (values is not null)
            {
                concrete.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            }
        }

        return Task.CompletedTask;
    }
}
