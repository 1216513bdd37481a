using System.Text.Json.Nodes;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.KnowledgeBase.Ctml;
using TumorBoard.KnowledgeBase.Tests.Trials;
using TumorBoard.KnowledgeBase.Vocabularies;

namespace TumorBoard.KnowledgeBase.Tests.Ctml;

/// <summary>The vendored matchengine-V2 example trials (tests/fixtures/ctml), imported and evaluated through the real importer and engine.</summary>
public static class CtmlFixtures
{
    public const string Wildcard = "01_v2_wildcard_protein_BRAF_p.V600.json";
    public const string StructuralVariants = "02_v2_structured_sv_fusion_partner.json";
    public const string Tmb = "03_v2_tmb_numerical.json";
    public const string Signatures = "04_v2_mutational_signatures.json";
    public const string NegatedYaml = "05_v2_negated_variant_category.yaml";

    public static readonly string[] All = [Wildcard, StructuralVariants, Tmb, Signatures, NegatedYaml];

    private static readonly Lazy<Core.Vocabularies.Vocabulary> LazyVocabulary = new(VocabularyLoader.LoadEmbedded);

    public static Core.Vocabularies.Vocabulary Vocabulary => LazyVocabulary.Value;

    public static JsonObject Document(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ctml", name));
        var (root, problem) = CtmlText.Parse(text, name.EndsWith(".yaml", StringComparison.Ordinal));
        Assert.Null(problem);
        return root!.AsObject();
    }

    public static CtmlImportResult Import(JsonObject document, bool allowUnknownGenes = false) =>
        new CtmlImporter(Vocabulary).Import(document, "1", "hash", allowUnknownGenes);

    public static Trial Trial(string name)
    {
        var result = Import(Document(name), allowUnknownGenes: name == StructuralVariants);
        Assert.Empty(result.Problems);
        return result.Trial!;
    }

    /// <summary>The arms the patient is listed for (eligible or potential), as the service would store them.</summary>
    public static IReadOnlyList<ArmMatch> Evaluate(Trial trial, TrialPatientBuilder patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return new TrialEngine(new TrialCatalog([trial], "hash"), Vocabulary.OncoTree).Evaluate(patient.Build(), TrialPatientBuilder.Today).Arms;
    }

    public static ArmMatch? Arm(Trial trial, TrialPatientBuilder patient, string armId) =>
        Evaluate(trial, patient).SingleOrDefault(a => a.ArmId == armId);
}
