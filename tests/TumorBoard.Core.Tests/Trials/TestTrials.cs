using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Core.Trials;
using TumorBoard.Core.Trials.Criteria;
using TumorBoard.Core.Trials.Evaluation;
using TumorBoard.Tests.Support;

namespace TumorBoard.Core.Tests.Trials;

/// <summary>Hand-built trials and patients for engine unit tests (no data files).</summary>
public static class TestTrials
{
    public static readonly DateOnly Today = new(2026, 6, 1);

    public static TrialArm Arm(string id, TrialCriterion selection, string? level = null, params TrialCriterion[] criteria) => new()
    {
        Id = id,
        Title = $"arm {id}",
        Drugs = ["osimertinib"],
        DefaultStatus = ArmStatus.Open,
        LevelOfEvidence = level,
        Selection = selection,
        Criteria = criteria,
        Citations = [new Citation(CitationType.Nct, "NCT00000001")],
    };

    public static GenomicCriterion Gene(BiomarkerMatcher matcher, SampleScope samples = SampleScope.Any) => new(matcher, samples, RequiredOrigin.Any);

    public static TrialEngine Engine(ArmRanking ranking, params TrialArm[] arms) =>
        new(new TrialCatalog([new Trial { Id = "T", NctIds = ["NCT00000001"], Title = "test", Version = "1", ContentHash = "h", Ranking = ranking, Arms = arms, Citations = [] }], "hash"), SmallOncoTree.Tree);

    public static TrialPatient Patient(string? tumor, params Alteration[] alterations) => new()
    {
        OncotreeCode = tumor,
        Samples = [new TrialSample("r1", SpecimenRole.Metastasis, new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), alterations)],
    };

    public static ArmMatch OnlyArm(TrialEngine engine, TrialPatient patient)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return Assert.Single(engine.Evaluate(patient, Today).Arms);
    }
}
