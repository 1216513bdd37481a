using TumorBoard.Core.Alterations;
using TumorBoard.Core.Evolution;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;
using static TumorBoard.Core.Tests.Pairs.PairFixtures;

namespace TumorBoard.Core.Tests.Evolution;

/// <summary>Therapies, progression rules and resistance links, so each evolution test states only its facts.</summary>
internal static class EvolutionFixtures
{
    public static readonly ProgressionRule AppearanceRule = new("resistance-appearance", [], null, ProgressionTrigger.Appearance, ClonalHaematopoiesisHandling.Suppress, [], "test");

    public static readonly ProgressionRule RisingRule = new("PADA-1", ["BREAST-ESR1-LBD"], ["letrozole", "anastrozole"], ProgressionTrigger.AppearanceOrIncrease,
        ClonalHaematopoiesisHandling.Suppress, [new Citation(CitationType.Pmid, "36183733")], "test");

    public static PriorTherapy Therapy(string drug, string start, string? end = null) =>
        new([drug], Date(start), end is null ? null : Date(end));

    public static ResistanceLink Resists(string key, string drug, ProgressionRule? rule = null) =>
        new(key, [drug], "TEST-RES", rule ?? AppearanceRule, []);

    public static PatientEvolution Evolve(IReadOnlyList<PriorTherapy> therapies, params Core.Pairs.ReportSnapshot[] reports) =>
        EvolutionBuilder.Build(new EvolutionInput(reports, therapies) { LimitOfDetectionVaf = 0.005m });

    public static PatientEvolution Evolve(IReadOnlyList<PriorTherapy> therapies, IReadOnlyList<ResistanceLink> links, params Core.Pairs.ReportSnapshot[] reports) =>
        EvolutionBuilder.Build(new EvolutionInput(reports, therapies) { Resistance = links, LimitOfDetectionVaf = 0.005m });

    public static EvolvingAlteration Row(this PatientEvolution evolution, string key) =>
        Assert.Single(evolution.Alterations, a => a.Key == key);

    public static TherapyMatch Finding(string ruleId, TherapyEffect effect, string key, params string[] drugs) => new()
    {
        RuleId = ruleId,
        Drugs = drugs,
        Effect = effect,
        Level = effect == TherapyEffect.Resistant ? EvidenceLevel.R1 : EvidenceLevel.Level1,
        Gene = key.Split(' ')[0],
        Alteration = key,
        AlterationKey = key,
        MatchedAlterations = [new Alteration { Key = key, Gene = key.Split(' ')[0], Kind = AlterationKind.Snv }],
        TumorTypeMatch = TumorTypeMatch.Exact,
        Citations = [new Citation(CitationType.Pmid, "1")],
        Rationale = "test",
        Trace = [],
    };

    public static SpecimenRole Ctdna => SpecimenRole.Ctdna;
}
