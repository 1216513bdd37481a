namespace TumorBoard.Api.Features.TrialImport;

/// <summary>OpenAPI examples of the CTML routes (synthetic, shaped like the service's answers).</summary>
internal static class CtmlExamples
{
    public const string Document = """
        {"protocol_no": "10-005", "nct_id": "NCT01234567", "long_title": "BRAF V600 basket",
         "treatment_list": {"step": [{"step_code": "1", "arm": [{"arm_code": "A", "arm_description": "BRAF V600 solid tumours", "arm_suspended": "N",
           "match": [{"and": [{"genomic": {"hugo_symbol": "BRAF", "variant_category": "Mutation", "wildcard_protein_change": "p.V600"}},
                              {"clinical": {"age_numerical": ">=18", "oncotree_primary_diagnosis": "_SOLID_"}}]}]}]}]},
         "_summary": {"status": [{"value": "open to accrual"}]}}
        """;

    public const string ImportResponse = """
        {"trialId": "10-005", "version": 2, "contentHash": "5be1…", "unchanged": false,
         "arms": [{"armId": "A", "title": "BRAF V600 solid tumours", "status": "open", "selection": "BRAF V600 (any single amino-acid change) mutation"}],
         "warnings": [], "rematchJobId": "01a22800-0000-7000-8000-000000000002"}
        """;

    public const string Versions = """
        {"trialId": "10-005", "versions": [
          {"version": "2", "source": "ctml", "contentHash": "5be1…", "createdBy": "coordinator-1", "createdAt": "2026-12-03T10:00:00Z", "mediaType": "application/yaml", "current": true},
          {"version": "1", "source": "ctml", "contentHash": "77a0…", "createdBy": "coordinator-1", "createdAt": "2026-12-01T09:00:00Z", "mediaType": "application/json", "current": false}]}
        """;
}
