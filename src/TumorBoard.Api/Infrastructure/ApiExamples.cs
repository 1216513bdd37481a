namespace TumorBoard.Api.Infrastructure;

/// <summary>Example payloads shown in the Swagger UI (synthetic; shaped exactly like the service's answers).</summary>
internal static class ApiExamples
{
    public const string IngestResponse = """
        {"patientId": "01a225f9-45c2-7656-ac74-ec7de2bbca3f", "reportIds": ["01a225f9-45c3-7a10-9b1e-3f1f1c2d4e5a"],
         "evaluationId": "01a225f9-45c9-7e2c-90de-b1536518108f", "warnings": []}
        """;

    public const string Patient = """
        {"patientId": "01a225f9-45a0-7b96-b396-2e27c16df70f",
         "identifiers": [{"system": "urn:tumorboard:demo:mrn", "value": "DEMO-0001"}],
         "tumorType": {"oncotreeCode": "LUAD", "name": "Lung Adenocarcinoma"},
         "reports": [{"reportId": "01a225f9-45a1-7000-8000-000000000001", "identifier": {"system": "urn:tumorboard:demo:accession", "value": "ACC-LIVER-1"},
                      "status": "final", "specimen": {"role": "metastasis", "site": "Liver structure", "collectedAt": "2024-06-01T00:00:00Z",
                      "type": "Specimen from liver", "roleReason": "collection.bodySite matches a SecondaryCancerCondition bodySite"},
                      "issuedAt": "2024-06-11T00:00:00Z", "alterationCount": 2, "version": 1, "panelGenes": null}],
         "priorTherapies": [{"drugs": ["erlotinib"], "start": "2023-02-10T00:00:00Z", "end": "2024-04-01T00:00:00Z"}],
         "latestEvaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f", "warnings": []}
        """;

    public const string Review = """{"decision": "modified", "comment": "Enrol in trial first; osimertinib if not eligible.", "drugs": ["osimertinib"]}""";

    public const string ReviewResponse = """
        {"reviewId": "01a22600-0000-7000-8000-000000000001", "recommendationId": "01a225f9-45a8-7997-8101-ad17f5c03a96",
         "evaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f", "decision": "modified",
         "comment": "Enrol in trial first; osimertinib if not eligible.", "drugs": ["osimertinib"], "reviewer": "dr-a", "at": "2026-11-29T09:00:00Z"}
        """;

    public const string SignOff = """{"comment": "Molecular tumor board 2026-11-29: plan agreed."}""";

    public const string SignOffResponse = """
        {"evaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f", "actor": "dr-a", "at": "2026-11-29T09:05:00Z", "comment": "Molecular tumor board 2026-11-29: plan agreed."}
        """;

    public const string ArmStatus = """{"status": "suspended", "reason": "Drug supply interrupted; accrual paused by the sponsor."}""";

    public const string ArmStatusResponse = """{"armId": "E", "title": "Osimertinib in EGFR T790M", "drugs": ["osimertinib"], "status": "suspended"}""";

    public const string DevToken = """{"subject": "dr-a", "roles": ["board"]}""";

    public const string Comparison = """
        {"fromReportId": "01a225f9-45a1-7000-8000-000000000001", "toReportId": "01a225f9-45a1-7000-8000-000000000002",
         "fromRole": "primary", "toRole": "metastasis", "basis": "primaryVsMetastasis", "concordance": 0.5, "sharedCount": 1, "comparedCount": 2,
         "alterations": [
           {"key": "EGFR T790M", "gene": "EGFR", "kind": "snv", "status": "acquired", "vafFrom": null, "vafTo": 0.12, "valueFrom": null, "valueTo": null, "flags": ["emergentResistance", "subclonal"]},
           {"key": "EGFR L858R", "gene": "EGFR", "kind": "snv", "status": "shared", "vafFrom": 0.35, "vafTo": 0.31, "valueFrom": null, "valueTo": null, "flags": []}]}
        """;

    public const string Evolution = """
        {"patientId": "01a225f9-45a0-7b96-b396-2e27c16df70f", "tumorType": "Lung Adenocarcinoma (LUAD)",
         "samples": [{"reportId": "01a225f9-45a1-7000-8000-000000000001", "role": "primary", "site": "Upper lobe of lung", "specimenType": "Tissue specimen",
                      "date": "2023-01-10T00:00:00Z", "name": "primary, Upper lobe of lung, Tissue specimen, 2023-01-10", "panel": null, "purity": 0.6,
                      "collectedAt": "2023-01-10T00:00:00Z", "panelGenes": null,
                      "cancerCellFraction": "estimated from purity 0.6 (LOINC 93356-4 60 %)"},
                     {"reportId": "01a225f9-45a1-7000-8000-000000000003", "role": "ctdna", "site": null, "specimenType": "Plasma",
                      "date": "2024-03-01T00:00:00Z", "name": "ctDNA, Plasma, 2024-03-01", "panel": ["EGFR", "KRAS", "TP53"], "purity": null,
                      "collectedAt": "2024-03-01T00:00:00Z", "panelGenes": ["EGFR", "KRAS", "TP53"],
                      "cancerCellFraction": "not estimated: the report gives no tumour purity for this specimen (LOINC 93356-4 or SNOMED CT 371510003)"}],
         "therapies": [{"drugs": ["erlotinib"], "start": "2023-02-10T00:00:00Z", "end": null, "source": "MedicationStatement/erlotinib"}],
         "alterations": [{"key": "EGFR T790M", "gene": "EGFR", "kind": "snv", "class": "emergent", "classDetail": "emergent",
                          "reason": "not detected in primary 2023-01-10, detected in ctDNA 2024-03-01 after erlotinib",
                          "emergentUnder": [{"drugs": ["erlotinib"], "start": "2023-02-10T00:00:00Z", "end": null, "source": "MedicationStatement/erlotinib"}],
                          "emergentAfter": ["erlotinib"], "possibleClonalHaematopoiesis": false,
                          "values": [{"reportId": "01a225f9-45a1-7000-8000-000000000001", "state": "notDetected", "vaf": null, "copyNumber": null, "value": null, "belowLimitOfDetection": false, "cancerCellFraction": null},
                                     {"reportId": "01a225f9-45a1-7000-8000-000000000003", "state": "detected", "vaf": 0.02, "copyNumber": null, "value": null, "belowLimitOfDetection": false, "cancerCellFraction": null}]}],
         "trajectories": [{"key": "EGFR T790M", "gene": "EGFR", "resistance": true,
                           "points": [{"reportId": "01a225f9-45a1-7000-8000-000000000003", "date": "2024-03-01T00:00:00Z", "state": "detected", "vaf": 0.02, "belowLimitOfDetection": false}]}],
         "steps": [{"fromReportId": "01a225f9-45a1-7000-8000-000000000001", "toReportId": "01a225f9-45a1-7000-8000-000000000003", "concordance": 0.5, "acquired": ["EGFR T790M"], "lost": []}],
         "molecularProgression": [{"alterationKey": "EGFR T790M", "gene": "EGFR", "kind": "appearance", "fromVaf": null, "toVaf": 0.02,
                                   "fromReportId": "01a225f9-45a1-7000-8000-000000000001", "fromDate": "2023-01-10T00:00:00Z",
                                   "toReportId": "01a225f9-45a1-7000-8000-000000000003", "toDate": "2024-03-01T00:00:00Z",
                                   "underTherapies": [{"drugs": ["erlotinib"], "start": "2023-02-10T00:00:00Z", "end": null, "source": "MedicationStatement/erlotinib"}],
                                   "resistedDrugs": ["erlotinib"], "progressionRuleId": "resistance-appearance", "resistanceRuleId": "LUNG-EGFR-T790M-RES/erlotinib",
                                   "citations": [{"type": "pmid", "id": "25668228", "note": "CIViC EID238 (level A): EGFR T790M, erlotinib resistance, NSCLC"}], "caveats": [],
                                   "summary": "EGFR T790M newly detected: not detected (2023-01-10) → 0.02 (2024-03-01) under erlotinib"}],
         "progression": [{"key": "EGFR T790M", "gene": "EGFR", "kind": "appearance",
                          "from": {"reportId": "01a225f9-45a1-7000-8000-000000000001", "vaf": null, "collectedAt": "2023-01-10T00:00:00Z"},
                          "to": {"reportId": "01a225f9-45a1-7000-8000-000000000003", "vaf": 0.02, "collectedAt": "2024-03-01T00:00:00Z"},
                          "underTherapy": ["erlotinib"], "rule": "resistance-appearance"}],
         "notProgression": [], "limitOfDetectionVaf": 0.005, "knowledgeBaseVersion": "1.2.0",
         "cancerCellFraction": {"formula": "CCF = min(1, 2 x VAF / purity), rounded to two decimals; SNVs and indels with a VAF only",
                                "caveat": "assumes a heterozygous mutation at a diploid, copy-number-neutral locus in a diploid tumour; a copy-number change, loss of heterozygosity or whole-genome doubling makes it wrong; for ordering clones, never a clonality call"}}
        """;

    public const string CarryOverResponse = """
        {"evaluationId": "01a22700-0000-7000-8000-000000000002", "fromEvaluationId": "01a225f9-45a8-7e2c-90de-b1536518108f",
         "carried": [{"reviewId": "01a22700-0000-7000-8000-000000000010", "recommendationId": "01a22700-0000-7000-8000-000000000011",
                      "evaluationId": "01a22700-0000-7000-8000-000000000002", "decision": "accepted", "comment": "Start osimertinib.", "drugs": null,
                      "reviewer": "dr-a", "at": "2026-12-03T09:00:00Z", "carriedOverFromReviewId": "01a22600-0000-7000-8000-000000000001"}],
         "skipped": [{"recommendationId": "01a22700-0000-7000-8000-000000000012", "key": "NCI-MATCH/E", "reason": "changed"}]}
        """;
}
