using TumorBoard.Core.Alterations;
using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.Core.Rules.Matchers;
using TumorBoard.Tests.Support;
using static TumorBoard.Tests.Support.RuleBuilder;

namespace TumorBoard.Core.Tests.Rules;

public class RuleEngineTests
{
    private static readonly Rule L858R = Rule("EGFR-L858R/osimertinib", new ExactProteinChangeMatcher("EGFR", "L858R"));
    private static readonly Rule L858RErlotinib = Rule("EGFR-L858R/erlotinib", new ExactProteinChangeMatcher("EGFR", "L858R"), drugs: ["erlotinib"]);
    private static readonly Rule T790MRes = Rule("EGFR-T790M-RES/erlotinib", new ExactProteinChangeMatcher("EGFR", "T790M"), drugs: ["erlotinib"], effect: TherapyEffect.Resistant, level: EvidenceLevel.R1);
    private static readonly Rule Tmb = Rule("TMB/pembrolizumab", new TmbMatcher(10m), new TumorScope(TumorScopeKind.AllSolid, [], []), ["pembrolizumab"]);
    private static readonly Rule BrafAgnostic = Rule("BRAF/dabrafenib+trametinib", new ExactProteinChangeMatcher("BRAF", "V600E"), new TumorScope(TumorScopeKind.AllSolid, [], ["COADREAD"]), ["dabrafenib", "trametinib"]);

    [Fact]
    public void Given_LUAD_and_a_rule_at_NSCLC_When_evaluated_Then_it_fires_as_an_ancestor_match_with_a_trace()
    {
        var result = Evaluate(Kb(L858R), "LUAD", Proteins.Mutation("EGFR", "L858R"));

        var match = Assert.Single(result.Therapies);
        Assert.Equal(TumorTypeMatch.Ancestor, match.TumorTypeMatch);
        Assert.Equal("L858R", match.Alteration);
        Assert.Equal("EGFR L858R", match.AlterationKey);
        Assert.Equal("EGFR", match.Gene);
        Assert.Contains(match.Trace, s => s.Kind == TraceStepKind.BiomarkerMatched && s.Subject == "EGFR L858R");
        Assert.Contains(match.Trace, s => s.Kind == TraceStepKind.TumorScope && s.Text.Contains("LUAD", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_SCLC_When_a_rule_is_scoped_to_NSCLC_Then_it_does_not_fire()
    {
        var result = Evaluate(Kb(L858R), "SCLC", Proteins.Mutation("EGFR", "L858R"));

        Assert.Empty(result.Therapies);
    }

    [Fact]
    public void Given_the_exact_code_When_evaluated_Then_the_match_is_exact()
    {
        var result = Evaluate(Kb(L858R), "NSCLC", Proteins.Mutation("EGFR", "L858R"));

        Assert.Equal(TumorTypeMatch.Exact, Assert.Single(result.Therapies).TumorTypeMatch);
    }

    [Fact]
    public void Given_an_all_solid_rule_excluding_COADREAD_When_the_patient_has_colon_cancer_Then_it_does_not_fire()
    {
        var kb = Kb(BrafAgnostic);

        Assert.Empty(Evaluate(kb, "COAD", Proteins.Mutation("BRAF", "V600E")).Therapies);
        Assert.Equal(TumorTypeMatch.Agnostic, Assert.Single(Evaluate(kb, "SKCM", Proteins.Mutation("BRAF", "V600E")).Therapies).TumorTypeMatch);
    }

    [Fact]
    public void Given_a_leukaemia_When_an_all_solid_rule_matches_the_biomarker_Then_it_does_not_fire()
    {
        var result = Evaluate(Kb(Tmb), "AML", new Alteration { Key = "TMB", Gene = "", Kind = AlterationKind.Tmb, Value = 30m });

        Assert.Empty(result.Therapies);
    }

    [Fact]
    public void Given_sensitivity_and_resistance_on_the_same_drug_When_evaluated_Then_both_appear_and_the_conflict_is_marked()
    {
        var result = Evaluate(Kb(L858RErlotinib, T790MRes), "LUAD", Proteins.Mutation("EGFR", "L858R"), Proteins.Mutation("EGFR", "T790M"));

        Assert.Equal(2, result.Therapies.Count);
        Assert.All(result.Therapies, t => Assert.True(t.InConflict));
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(["erlotinib"], conflict.Drugs);
        Assert.Equal(["EGFR-L858R/erlotinib"], conflict.SensitiveRuleIds);
        Assert.Equal(["EGFR-T790M-RES/erlotinib"], conflict.ResistantRuleIds);
    }

    [Fact]
    public void Given_resistance_to_a_single_drug_When_a_combination_containing_it_is_sensitive_Then_there_is_no_conflict()
    {
        var combo = Rule("G12C/adagrasib+cetuximab", new ExactProteinChangeMatcher("KRAS", "G12C"), TumorScope.Codes("COADREAD"), ["adagrasib", "cetuximab"]);
        var mono = Rule("RAS/cetuximab", new PositionalMatcher("KRAS", 'G', 12, []), TumorScope.Codes("COADREAD"), ["cetuximab"], TherapyEffect.Resistant, EvidenceLevel.R1);

        var result = Evaluate(Kb(combo, mono), "COAD", Proteins.Mutation("KRAS", "G12C"));

        Assert.Equal(2, result.Therapies.Count);
        Assert.Empty(result.Conflicts);
    }

    [Fact]
    public void Therapies_are_ordered_by_level_with_R1_right_after_level_1()
    {
        var level2 = Rule("B-level2", new ExactProteinChangeMatcher("EGFR", "L858R"), level: EvidenceLevel.Level2, drugs: ["afatinib"]);
        var level3 = Rule("A-level3A", new ExactProteinChangeMatcher("EGFR", "L858R"), level: EvidenceLevel.Level3A, drugs: ["gefitinib"]);

        var result = Evaluate(Kb(level3, level2, T790MRes, L858R), "LUAD", Proteins.Mutation("EGFR", "L858R"), Proteins.Mutation("EGFR", "T790M"));

        Assert.Equal(["EGFR-L858R/osimertinib", "EGFR-T790M-RES/erlotinib", "B-level2", "A-level3A"], result.Therapies.Select(t => t.RuleId));
    }

    [Fact]
    public void Given_no_tumour_type_When_evaluated_Then_tumour_specific_rules_are_listed_as_unscoped_with_a_warning()
    {
        var result = Evaluate(Kb(L858R), null, Proteins.Mutation("EGFR", "L858R"));

        Assert.Empty(result.Therapies);
        Assert.Equal(["EGFR-L858R/osimertinib"], result.UnscopedRuleIds);
        Assert.Contains(result.Warnings, w => w.StartsWith("No tumour type", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_code_not_in_OncoTree_When_evaluated_Then_the_warning_names_it()
    {
        var result = Evaluate(Kb(L858R), "CRC", Proteins.Mutation("EGFR", "L858R"));

        Assert.Null(result.OncotreeCode);
        Assert.Contains(result.Warnings, w => w.Contains("'CRC'", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_germline_only_rule_When_origin_is_unknown_Then_it_is_declined_with_a_counselling_warning()
    {
        var germline = Rule("BRCA2-G/olaparib", new LossOfFunctionMatcher("BRCA2", true, true, [], []), TumorScope.Codes("BRCA"), ["olaparib"],
            context: new RuleContext(RequiredOrigin.Germline, [], null));

        var unknown = Evaluate(Kb(germline), "IDC", Proteins.Mutation("BRCA2", "S1982Rfs*22"));
        var proven = Evaluate(Kb(germline), "IDC", Proteins.Mutation("BRCA2", "S1982Rfs*22", VariantOrigin.Germline));

        Assert.Empty(unknown.Therapies);
        Assert.Equal("BRCA2-G/olaparib", Assert.Single(unknown.Declined).RuleId);
        Assert.Contains(unknown.Warnings, w => w.Contains("genetic counselling", StringComparison.Ordinal));
        Assert.Single(proven.Therapies);
    }

    [Fact]
    public void Given_a_receptor_requirement_When_status_is_missing_Then_the_rule_fires_with_a_caveat_and_when_contradicted_it_is_declined()
    {
        var rule = Rule("PIK3CA/alpelisib+fulvestrant", new ExactProteinChangeMatcher("PIK3CA", "H1047R"), TumorScope.Codes("BRCA"), ["alpelisib", "fulvestrant"],
            context: new RuleContext(RequiredOrigin.Any, [new(ClinicalMarker.HormoneReceptor, MarkerStatus.Positive), new(ClinicalMarker.Her2, MarkerStatus.Negative)], null));
        var kb = Kb(rule);
        var mutation = Proteins.Mutation("PIK3CA", "H1047R");

        var missing = Evaluate(kb, "IDC", mutation);
        var satisfied = Evaluate(kb, "IDC", [mutation], new() { [ClinicalMarker.EstrogenReceptor] = MarkerStatus.Positive, [ClinicalMarker.Her2] = MarkerStatus.Low });
        var contradicted = Evaluate(kb, "IDC", [mutation], new() { [ClinicalMarker.HormoneReceptor] = MarkerStatus.Positive, [ClinicalMarker.Her2] = MarkerStatus.Positive });

        Assert.Equal(2, Assert.Single(missing.Therapies).Caveats.Count);
        Assert.Empty(Assert.Single(satisfied.Therapies).Caveats);
        Assert.Empty(contradicted.Therapies);
        Assert.Single(contradicted.Declined);
    }

    [Fact]
    public void Given_a_prior_therapy_requirement_When_a_drug_of_the_class_was_given_Then_there_is_no_caveat()
    {
        var rule = Rule("X/drug", new ExactProteinChangeMatcher("EGFR", "L858R"), context: new RuleContext(RequiredOrigin.Any, [], new PriorTherapyRequirement([], ["egfr-tki"])));
        var mutation = Proteins.Mutation("EGFR", "L858R");

        var without = new RuleEngine(Kb(rule), SmallOncoTree.Tree).Evaluate(new PatientProfile { OncotreeCode = "LUAD", Alterations = [mutation] });
        var with = new RuleEngine(Kb(rule), SmallOncoTree.Tree).Evaluate(new PatientProfile
        {
            OncotreeCode = "LUAD",
            Alterations = [mutation],
            PriorTherapies = [new PriorTherapy(["gefitinib"], null, null)],
        });

        Assert.Single(Assert.Single(without.Therapies).Caveats);
        Assert.Empty(Assert.Single(with.Therapies).Caveats);
    }

    [Fact]
    public void Given_an_AND_NOT_rule_When_the_excluded_alteration_is_present_Then_it_does_not_fire()
    {
        var rule = Rule("ERBB2-AMP-RASWT/tucatinib", new AllOfMatcher([new AmplificationMatcher("ERBB2", null), new NotMatcher(new PositionalMatcher("KRAS", 'G', 12, []))]), TumorScope.Codes("COADREAD"), ["tucatinib"]);
        var amp = new Alteration { Key = "ERBB2 amplification", Gene = "ERBB2", Kind = AlterationKind.Cna, CnaCall = CnaCall.Amplification };

        var wildType = Evaluate(Kb(rule), "COAD", amp);
        var mutant = Evaluate(Kb(rule), "COAD", amp, Proteins.Mutation("KRAS", "G12D"));

        var fired = Assert.Single(wildType.Therapies);
        Assert.Contains(fired.Trace, s => s.Kind == TraceStepKind.BiomarkerAbsent);
        Assert.Empty(mutant.Therapies);
    }

    [Fact]
    public void Uninterpreted_alterations_never_match()
    {
        var kept = Proteins.Mutation("EGFR", "L858R") with { Interpreted = false };

        Assert.Empty(Evaluate(Kb(L858R), "LUAD", kept).Therapies);
    }

    [Fact]
    public void A_rule_matching_two_alterations_fires_once_with_both()
    {
        var list = Rule("PIK3CA-LIST/x", new VariantListMatcher("PIK3CA", "hotspots", ["E545K", "H1047R"]), TumorScope.Codes("BRCA"));

        var result = Evaluate(Kb(list), "IDC", Proteins.Mutation("PIK3CA", "E545K"), Proteins.Mutation("PIK3CA", "H1047R"));

        var match = Assert.Single(result.Therapies);
        Assert.Equal(2, match.MatchedAlterations.Count);
        Assert.Equal("E545K, H1047R", match.Alteration);
    }

    [Fact]
    public void Evaluation_is_deterministic_whatever_the_alteration_order()
    {
        var kb = Kb(L858RErlotinib, T790MRes, L858R, Tmb);
        var tmb = new Alteration { Key = "TMB", Gene = "", Kind = AlterationKind.Tmb, Value = 12m };
        var alterations = new[] { Proteins.Mutation("EGFR", "T790M"), tmb, Proteins.Mutation("EGFR", "L858R") };

        var first = Evaluate(kb, "LUAD", alterations);
        var second = Evaluate(kb, "LUAD", alterations.Reverse().ToArray());

        Assert.Equal(first.Therapies.Select(t => t.RuleId), second.Therapies.Select(t => t.RuleId));
        Assert.Equal(first.Conflicts.Count, second.Conflicts.Count);
    }

    private static RuleEvaluation Evaluate(KnowledgeBase kb, string? tumor, params Alteration[] alterations) =>
        Evaluate(kb, tumor, alterations, []);

    private static RuleEvaluation Evaluate(KnowledgeBase kb, string? tumor, Alteration[] alterations, Dictionary<ClinicalMarker, MarkerStatus> markers) =>
        new RuleEngine(kb, SmallOncoTree.Tree).Evaluate(new PatientProfile { OncotreeCode = tumor, Alterations = alterations, ClinicalMarkers = markers });
}
