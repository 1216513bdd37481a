using System.Text;
using TumorBoard.KnowledgeBase.Civic;
using TumorBoard.KnowledgeBase.Rules;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests.Civic;

/// <summary>
/// The CIViC importer: the committed data file is exactly what one run over the vendored snapshot makes, rows are
/// taken or skipped for the stated reasons, and the loader refuses a layer that claims what the import never allows.
/// </summary>
public class CivicImportTests
{
    private const string Header = "molecular_profile\tmolecular_profile_id\tdisease\tdoid\tphenotypes\ttherapies\ttherapy_interaction_type\tevidence_type\tevidence_direction\tevidence_level\tsignificance\tevidence_statement\tcitation_id\tsource_type\tasco_abstract_id\tcitation\tnct_ids\trating\tevidence_status\tevidence_id\tvariant_origin\tlast_review_date\tevidence_civic_url\tmolecular_profile_civic_url\tis_flagged";

    [Fact]
    public void The_committed_CIViC_data_file_and_counts_document_are_what_the_importer_makes_from_the_vendored_snapshot()
    {
        var root = CivicImportFiles.FindRepositoryRoot(AppContext.BaseDirectory);
        var result = CivicImportFiles.Run(root, VocabularyLoader.LoadEmbedded());

        Assert.Equal(4854, result.Read);
        Assert.Equal(result.Read, result.Imported + result.Skipped.Sum(s => s.Value));
        Assert.True(Encoding.UTF8.GetString(File.ReadAllBytes(CivicImportFiles.OutputPath(root))) == Encoding.UTF8.GetString(result.Json),
            "civic-rules.json is out of date: run dotnet run --project tools/TumorBoard.CivicImport -c Release");
        Assert.Equal(CivicImportReport.Markdown(result), File.ReadAllText(Path.Combine(root, "docs", "civic-import.md")));
    }

    [Fact]
    public void Rows_are_taken_only_when_accepted_predictive_level_A_or_B_supporting_and_mappable_and_each_skip_is_counted_under_its_reason()
    {
        var tsv = string.Join('\n',
            Header,
            Row(1, "EGFR L858R", "Lung Non-small Cell Carcinoma", "3908", "Erlotinib", "", "A", "Sensitivity/Response"),
            Row(2, "EGFR L858R", "Lung Non-small Cell Carcinoma", "3908", "Erlotinib", "", "C", "Sensitivity/Response"),
            Row(3, "EGFR L858R", "Lung Non-small Cell Carcinoma", "3908", "Erlotinib", "", "B", "Resistance", direction: "Does Not Support"),
            Row(4, "EGFR Mutation", "Lung Non-small Cell Carcinoma", "3908", "Erlotinib", "", "B", "Sensitivity/Response"),
            Row(5, "EGFR L858R", "Cancer", "162", "Erlotinib", "", "B", "Sensitivity/Response"),
            Row(6, "EGFR L858R", "Lung Non-small Cell Carcinoma", "3908", "Chemotherapy", "", "B", "Sensitivity/Response"),
            Row(7, "EML4::ALK Fusion", "Lung Non-small Cell Carcinoma", "3908", "Crizotinib,Alectinib", "Substitutes", "B", "Sensitivity/Response"),
            Row(8, "BRAF V600E", "Colorectal Cancer", "9256", "Encorafenib,Cetuximab", "Combination", "B", "Sensitivity/Response"),
            Row(9, "ERBB2 Overexpression", "Breast Cancer", "1612", "Trastuzumab", "", "A", "Sensitivity/Response"),
            Row(10, "KRAS G12C", "Colorectal Cancer", "9256", "Cetuximab", "", "B", "Resistance", evidenceType: "Prognostic"));

        var result = Importer().Import(tsv, new CivicImporter.SnapshotSource("test.tsv", "0", "https://example.org", "CC0"));

        Assert.Equal(10, result.Read);
        Assert.Equal(3, result.Imported);
        Assert.Equal(4, result.Rules); // substitutes give one rule per drug, a combination one rule
        Assert.Equal(
            new Dictionary<string, int>
            {
                [CivicSkipReasons.NotPredictive] = 1,
                [CivicSkipReasons.NotSupports] = 1,
                [CivicSkipReasons.LevelC] = 1,
                [CivicSkipReasons.GeneLevel] = 1,
                [CivicSkipReasons.Expression] = 1,
                [CivicSkipReasons.DiseaseUnmapped] = 1,
                [CivicSkipReasons.DrugUnknown] = 1,
            },
            result.Skipped.ToDictionary(p => p.Key, p => p.Value));
        var json = Encoding.UTF8.GetString(result.Json);
        Assert.Contains("\"id\": \"CIVIC-EID1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"level\": \"3A\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"level\": \"1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"partner\": \"EML4\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CIViC_layer_whose_item_claims_level_C_or_a_mismatched_id_is_refused_with_the_rule_and_line()
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        var curated = GeneReferences.LoadRules(vocabulary);
        var shipped = Encoding.UTF8.GetString(KnowledgeBaseFile.Embedded("civic/").Single().Content);
        var broken = shipped.Replace("\"eid\": 14,\n        \"level\": \"B\"", "\"eid\": 14,\n        \"level\": \"C\"", StringComparison.Ordinal)
            .Replace("\"id\": \"CIVIC-EID58\"", "\"id\": \"CIVIC-EID59\"", StringComparison.Ordinal);
        Assert.NotEqual(shipped, broken);

        var error = Assert.Throws<KnowledgeBaseLoadException>(() => CivicLayerLoader.Load(
            new KnowledgeBaseFile(CivicLayerLoader.DataPath, Encoding.UTF8.GetBytes(broken)),
            KnowledgeBaseFile.Embedded(KnowledgeBaseLoader.ManifestPath).Single(),
            vocabulary,
            curated));

        Assert.Contains(error.Errors, e => e.Subject == "CIVIC-EID14" && e.Reason.Contains("level A or B", StringComparison.Ordinal) && e.Line > 0);
        Assert.Contains(error.Errors, e => e.Subject == "CIVIC-EID59" && e.Reason.Contains("CIVIC-EID58", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_CIViC_layer_satisfies_its_schema_and_the_schema_refuses_a_level_1_claim()
    {
        var schema = Schemas.ShippedSchemas.Load("civic-rules.schema.json");
        var shipped = File.ReadAllText(Path.Combine(TestVocabulary.ShippedDataDirectory, "civic", "civic-rules.json"));

        var violations = Schemas.ShippedSchemas.Violations(schema, shipped);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.NotEmpty(Schemas.ShippedSchemas.Violations(schema, shipped.Replace("\"level\": \"3A\"", "\"level\": \"1\"", StringComparison.Ordinal)));
    }

    private static CivicImporter Importer()
    {
        var vocabulary = VocabularyLoader.LoadEmbedded();
        var root = CivicImportFiles.FindRepositoryRoot(AppContext.BaseDirectory);
        var folder = Path.Combine(root, CivicImportFiles.Folder);
        return new CivicImporter(
            new CivicVariantMapper(vocabulary.Genes, CivicVariantMapper.ParseClasses(File.ReadAllText(Path.Combine(folder, CivicImportFiles.VariantClasses)))),
            CivicDiseaseMap.Parse(File.ReadAllText(Path.Combine(folder, CivicImportFiles.DiseaseMap))),
            new CivicTherapyMapper(vocabulary.Drugs));
    }

    private static string Row(int eid, string profile, string disease, string doid, string therapies, string interaction, string level, string significance,
        string direction = "Supports", string evidenceType = "Predictive") =>
        string.Join('\t', profile, "1", disease, doid, "", therapies, interaction, evidenceType, direction, level, significance,
            "A statement.", "12345678", "PubMed", "", "Someone et al., 2020", "", "3", "accepted", eid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Somatic", "2026-01-01 00:00:00 UTC", "", "", "false");
}
