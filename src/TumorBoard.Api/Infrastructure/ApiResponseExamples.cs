namespace TumorBoard.Api.Infrastructure;

/// <summary>
/// Success examples for operations that declare none with <see cref="OpenApiExample"/>, keyed "METHOD /route".
/// Synthetic, shaped like the service's answers (the OpenAPI snapshot test keeps every operation covered).
/// </summary>
internal static class ApiResponseExamples
{
    private const string Evaluation = """
        {"evaluationId": "01a22700-0000-7000-8000-000000000002", "patientId": "01a225f9-45a0-7b96-b396-2e27c16df70f", "evaluatedAt": "2026-12-03T09:00:00Z",
         "knowledgeBase": {"version": "2026.11.3", "hash": "9f2c…"}, "trialCatalog": {"version": "2026.11.1", "hash": "41ab…"},
         "tumorType": {"oncotreeCode": "LUAD", "name": "Lung Adenocarcinoma"},
         "therapies": [{"recommendationId": "01a22700-0000-7000-8000-000000000011", "drugs": ["osimertinib"], "effect": "sensitive", "level": "1", "escat": "I-A",
                        "gene": "EGFR", "alteration": "T790M", "alterationKey": "EGFR T790M", "sample": "metastasis", "emergent": true, "contraindicated": false,
                        "tumorTypeMatch": "exact", "ruleId": "LUNG-EGFR-T790M/osimertinib", "citations": [{"type": "pmid", "id": "27959700", "note": "AURA3"}],
                        "rationale": "EGFR T790M responds to osimertinib.", "caveats": ["Acquired after: erlotinib"], "inConflict": false, "resistedBy": [],
                        "trace": ["EGFR T790M matched protein change T790M"], "review": {"status": "pending"}},
                       {"recommendationId": "01a22700-0000-7000-8000-000000000013", "drugs": ["erlotinib"], "effect": "resistant", "level": "R1", "escat": null,
                        "gene": "EGFR", "alteration": "T790M", "alterationKey": "EGFR T790M", "sample": "metastasis", "emergent": true, "contraindicated": false,
                        "tumorTypeMatch": "exact", "ruleId": "LUNG-EGFR-T790M-RES/erlotinib", "citations": [{"type": "pmid", "id": "25668228", "note": null}],
                        "rationale": "T790M makes first-generation EGFR TKIs ineffective.", "caveats": [], "inConflict": true, "resistedBy": [], "trace": [], "review": {"status": "pending"}},
                       {"recommendationId": "01a22700-0000-7000-8000-000000000014", "drugs": ["erlotinib", "ramucirumab"], "effect": "sensitive", "level": "1", "escat": null,
                        "gene": "EGFR", "alteration": "L858R", "alterationKey": "EGFR L858R", "sample": "both", "emergent": false, "contraindicated": false,
                        "tumorTypeMatch": "exact", "ruleId": "LUNG-EGFR-L858R/erlotinib+ramucirumab", "citations": [], "rationale": "EGFR L858R is sensitising.",
                        "caveats": ["EGFR L858R is present in the governing sample too; the metastasis acquired EGFR T790M, a resistance finding for erlotinib"],
                        "inConflict": true, "resistedBy": ["LUNG-EGFR-T790M-RES/erlotinib @ EGFR T790M"], "trace": [], "review": {"status": "pending"}}],
         "trials": [{"recommendationId": "01a22700-0000-7000-8000-000000000012", "trialId": "NCI-MATCH", "nctId": "NCT02465060", "armId": "E", "armTitle": "Osimertinib in EGFR T790M",
                     "drugs": ["osimertinib"], "status": "potential", "armStatus": "closed", "armStatusAtEvaluation": "open",
                     "criteria": [{"criterion": "EGFR T790M", "result": "met", "detail": "found EGFR T790M (metastasis)"}],
                     "armNctId": null, "levelOfEvidence": "1", "rank": 1, "escat": null, "matchedAlterations": [{"key": "EGFR T790M", "sample": "metastasis"}], "citations": [],
                     "review": {"status": "pending"}}],
         "conflicts": [{"drugs": ["erlotinib", "ramucirumab"], "sensitiveRuleIds": ["LUNG-EGFR-L858R/erlotinib+ramucirumab"], "resistantRuleIds": ["LUNG-EGFR-T790M-RES/erlotinib"]}],
         "reportIds": ["01a225f9-45a1-7000-8000-000000000001", "01a225f9-45a1-7000-8000-000000000002"], "previousEvaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f",
         "trigger": "rematch", "warnings": [], "signOff": null, "changes": null,
         "signedOffEvaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f", "pendingEvaluationId": "01a22700-0000-7000-8000-000000000002",
         "signedOffRecord": {"evaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f", "evaluatedAt": "2026-11-29T08:00:00Z", "signedOffBy": "dr-a",
                             "signedOffAt": "2026-11-29T09:05:00Z", "comment": "MTB 2026-11-29", "acceptedUnreviewed": true, "unreviewedCount": 12},
         "pendingReview": {"evaluationId": "01a22700-0000-7000-8000-000000000002", "evaluatedAt": "2026-12-03T09:00:00Z", "trigger": "rematch", "unreviewedCount": 3, "causes": []},
         "changesSinceSignOff": {"fromEvaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f", "toEvaluationId": "01a22700-0000-7000-8000-000000000002",
           "therapies": {"added": [], "removed": [], "changed": [], "unchanged": 13},
           "trials": {"added": [], "removed": [], "unchanged": 0, "changed": [{"key": "NCI-MATCH/E", "title": "NCI-MATCH arm E: Osimertinib in EGFR T790M",
              "recommendationId": "01a22700-0000-7000-8000-000000000012", "signedOffRecommendationId": "01a225f9-45a8-7997-8101-ad17f5c03a97",
              "fields": [{"field": "armStatus", "from": "open", "to": "closed"}]}]},
           "causes": [{"evaluationId": "01a22700-0000-7000-8000-000000000002", "previousEvaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f", "evaluatedAt": "2026-12-03T09:00:00Z",
              "trigger": "rematch", "actor": "system", "knowledgeBase": null, "trialCatalog": null, "reportsAdded": [], "reportsRemoved": [],
              "armStatusChanges": [{"trialId": "NCI-MATCH", "armId": "E", "from": "open", "to": "closed", "changedBy": "coordinator-1", "changedAt": "2026-12-03T08:55:00Z", "reason": "Accrual complete."}]}],
           "isEmpty": false}}
        """;

    private const string Job = """
        {"id": "01a22800-0000-7000-8000-000000000001", "kind": "rematch", "status": "completed", "reason": "arm-status", "requestedBy": "coordinator-1",
              "createdAt": "2026-12-03T08:55:00Z", "startedAt": "2026-12-03T08:55:01Z", "heartbeatAt": "2026-12-03T08:55:30Z", "finishedAt": "2026-12-03T08:55:31Z",
              "owner": "tumorboard-7c9d", "attempts": 1, "patientsTotal": 1200, "patientsDone": 1200, "batchesDone": 3, "knowledgeBaseHash": "9f2c…", "trialsHash": "41ab…",
              "error": null, "events": [],
              "jobId": "01a22800-0000-7000-8000-000000000001", "state": "completed", "done": 1200, "total": 1200, "cause": "arm-status"}
        """;

    private static readonly Dictionary<string, (string MediaType, string Example)> Examples = new(StringComparer.Ordinal)
    {
        ["POST /auth/dev-token"] = ("application/json", """{"accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkci1hIiwicm9sZSI6ImJvYXJkIn0.c2lnbmF0dXJl"}"""),
        ["GET /fhir/metadata"] = ("application/fhir+json", """{"resourceType": "CapabilityStatement", "status": "active", "kind": "instance", "fhirVersion": "4.0.1", "format": ["application/fhir+json", "application/fhir+xml"]}"""),
        ["GET /fhir/Patient/{patientId}/$recommendations"] = ("application/fhir+json", """
            {"resourceType": "Bundle", "type": "collection", "timestamp": "2026-11-29T09:05:00Z",
             "entry": [{"fullUrl": "urn:uuid:01a225f9-45a8-7e2c-90de-b1536518108f", "resource": {"resourceType": "DiagnosticReport", "id": "01a225f9-45a8-7e2c-90de-b1536518108f", "status": "final",
                        "code": {"coding": [{"system": "http://loinc.org", "code": "51969-4", "display": "Genetic analysis report"}]}}}]}
            """),
        ["POST /fhir/Bundle"] = ("application/json", ApiExamples.IngestResponse),
        ["GET /api/patients"] = ("application/json", """
            [{"patientId": "01a225f9-45a0-7b96-b396-2e27c16df70f", "identifiers": [{"system": "urn:tumorboard:demo:mrn", "value": "DEMO-0001"}],
              "tumorType": {"oncotreeCode": "LUAD", "name": "Lung Adenocarcinoma"}}]
            """),
        ["GET /api/patients/{patientId}/alterations"] = ("application/json", """
            [{"key": "EGFR T790M", "gene": "EGFR", "kind": "snv", "proteinChange": "T790M", "codingChange": "c.2369C>T", "copyNumber": null, "cnaCall": null,
              "fusionGenes": null, "value": null, "vaf": 0.12, "origin": "somatic", "reportId": "01a225f9-45a1-7000-8000-000000000002", "specimenRole": "metastasis",
              "interpreted": true, "description": null}]
            """),
        ["GET /api/patients/{patientId}/recommendations"] = ("application/json", Evaluation),
        ["GET /api/evaluations/{evaluationId}"] = ("application/json", Evaluation),
        ["POST /api/patients/{patientId}/evaluations"] = ("application/json", Evaluation),
        ["GET /api/patients/{patientId}/evaluations"] = ("application/json", """
            [{"evaluationId": "01a22700-0000-7000-8000-000000000002", "evaluatedAt": "2026-12-03T09:00:00Z", "state": "pending", "signOff": null,
              "cause": {"evaluationId": "01a22700-0000-7000-8000-000000000002", "previousEvaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f", "evaluatedAt": "2026-12-03T09:00:00Z",
                        "trigger": "request", "actor": "dr-a", "knowledgeBase": {"from": "2026.11.2", "to": "2026.11.3"}, "trialCatalog": null, "reportsAdded": [], "reportsRemoved": [], "armStatusChanges": []}},
             {"evaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f", "evaluatedAt": "2026-11-29T08:00:00Z", "state": "signedOff",
              "signOff": {"actor": "dr-a", "at": "2026-11-29T09:05:00Z", "comment": "MTB 2026-11-29", "acceptedUnreviewed": false, "unreviewedRecommendationIds": []},
              "cause": {"evaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f", "previousEvaluationId": null, "evaluatedAt": "2026-11-29T08:00:00Z", "trigger": "ingestion",
                        "actor": "ehr-integration", "knowledgeBase": null, "trialCatalog": null, "reportsAdded": ["01a225f9-45a1-7000-8000-000000000001"], "reportsRemoved": [], "armStatusChanges": []}}]
            """),
        ["GET /api/patients/{patientId}/evolution.svg"] = ("image/svg+xml", """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 400"><title>Lung Adenocarcinoma (LUAD): alterations across 4 samples</title></svg>"""),
        ["GET /api/patients/{patientId}/trajectory.svg"] = ("image/svg+xml", """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 520"><title>Lung Adenocarcinoma (LUAD): ctDNA VAF over time</title></svg>"""),
        ["GET /api/patients/{patientId}/comparison.svg"] = ("image/svg+xml", """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 480"><title>LUAD: primary (lung, 2023-01-10) vs metastasis (liver, 2024-06-01)</title></svg>"""),
        ["GET /api/patients/{patientId}/audit"] = ("application/json", """
            [{"at": "2026-11-29T09:05:00Z", "actor": "dr-a", "action": "sign-off", "entityType": "evaluation", "entityId": "01a225f9-45a8-7e2c-90de-b1536518108f",
              "details": {"acceptedUnreviewed": false, "unreviewedCount": 0}}]
            """),
        ["GET /api/trials"] = ("application/json", """
            [{"trialId": "NCI-MATCH", "nctId": "NCT02465060", "title": "Molecular Analysis for Therapy Choice", "arms": [{"armId": "E", "title": "Osimertinib in EGFR T790M", "drugs": ["osimertinib"], "status": "closed"}]}]
            """),
        ["GET /api/trials/{trialId}"] = ("application/json", """
            {"trialId": "NCI-MATCH", "nctId": "NCT02465060", "nctIds": ["NCT02465060"], "title": "Molecular Analysis for Therapy Choice", "version": "2026.11.1", "contentHash": "41ab…", "citations": [],
             "arms": [{"armId": "E", "title": "Osimertinib in EGFR T790M", "drugs": ["osimertinib"], "status": "closed", "defaultStatus": "open", "nctId": null,
                       "levelOfEvidence": "1", "escat": null, "isNonMatch": false, "citations": [],
                       "statusHistory": [{"trialId": "NCI-MATCH", "armId": "E", "from": "open", "to": "closed", "changedBy": "coordinator-1", "changedAt": "2026-12-03T08:55:00Z", "reason": "Accrual complete."}]}]}
            """),
        ["GET /api/trials/{trialId}/arms/{armId}/patients"] = ("application/json", """
            {"total": 1, "page": 1, "pageSize": 50, "armStatus": "closed",
             "lastStatusChange": {"trialId": "NCI-MATCH", "armId": "E", "from": "open", "to": "closed", "changedBy": "coordinator-1", "changedAt": "2026-12-03T08:55:00Z", "reason": "Accrual complete."},
             "items": [{"patientId": "01a225f9-45a0-7b96-b396-2e27c16df70f", "identifiers": [{"system": "urn:tumorboard:demo:mrn", "value": "DEMO-0001"}],
                        "tumorType": {"oncotreeCode": "LUAD", "name": "Lung Adenocarcinoma"}, "status": "potential",
                        "criteria": [{"criterion": "EGFR T790M", "result": "met", "detail": "found EGFR T790M (metastasis)"}], "evaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f"}]}
            """),
        ["GET /api/jobs"] = ("application/json", """
            [JOB]
            """.Replace("JOB", Job, StringComparison.Ordinal)),
        ["GET /api/jobs/{jobId}"] = ("application/json", Job),
        ["GET /api/subscriptions"] = ("application/json", $"[{Features.Subscriptions.SubscriptionExamples.Subscription}]"),
        ["GET /api/subscriptions/{subscriptionId}"] = ("application/json", Features.Subscriptions.SubscriptionExamples.Subscription),
        ["DELETE /api/subscriptions/{subscriptionId}"] = ("application/json", Features.Subscriptions.SubscriptionExamples.Subscription),
        ["GET /api/subscriptions/{subscriptionId}/deliveries"] = ("application/json", Features.Subscriptions.SubscriptionExamples.Deliveries),
        ["GET /api/knowledge-base"] = ("application/json", """
            {"version": "2026.11.3", "hash": "9f2c…", "rules": 412, "trials": 5, "arms": 31, "trialsVersion": "2026.11.1", "trialsHash": "41ab…",
             "sources": [{"id": "civic", "name": "CIViC", "url": "https://civicdb.org", "license": "CC0 1.0", "note": null}], "vocabulary": {"version": "2026.11", "hash": "77de…"}}
            """),
    };

    public static bool TryGet(string route, out string mediaType, out string example)
    {
        var found = Examples.TryGetValue(route, out var entry);
        (mediaType, example) = entry;
        return found;
    }
}
