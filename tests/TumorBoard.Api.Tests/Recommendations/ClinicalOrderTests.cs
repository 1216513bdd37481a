using System.Text.Json;
using TumorBoard.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TumorBoard.Api.Tests.Recommendations;

/// <summary>Therapies in the order an oncologist reads them, and resistance shown with what it speaks against.</summary>
public sealed class ClinicalOrderTests(TumorBoardApp app, ITestOutputHelper output) : ApiTest(app)
{
    private const string T790MOsimertinib = "LUNG-EGFR-T790M/osimertinib";
    private const string T790MResistance = "LUNG-EGFR-T790M-RES/erlotinib @ EGFR T790M";

    private async Task<List<JsonElement>> T790MTherapiesAsync()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");
        var therapies = Therapies.Of(evaluation).ToList();
        foreach (var t in therapies)
        {
            output.WriteLine($"{t.GetProperty("ruleId").GetString(),-24} {string.Join("+", t.GetProperty("drugs").EnumerateArray().Select(d => d.GetString())),-34} "
                + $"{t.GetProperty("level").GetString(),-3} {t.GetProperty("effect").GetString(),-9} {t.GetProperty("sample").GetString()} emergent={t.GetProperty("emergent").GetBoolean()}");
        }

        return therapies;
    }

    [Fact]
    public async Task Given_acquired_T790M_after_erlotinib_then_osimertinib_for_T790M_comes_first_and_emergent_findings_lead()
    {
        var therapies = await T790MTherapiesAsync();

        Assert.Equal(T790MOsimertinib, therapies[0].GetProperty("ruleId").GetString());
        Assert.Equal(["osimertinib"], therapies[0].GetProperty("drugs").EnumerateArray().Select(d => d.GetString()));
        // Resisted claims sit under their resistance (next test); every other finding keeps governing-sample order.
        var emergent = therapies.Where(t => t.GetProperty("resistedBy").GetArrayLength() == 0).Select(t => t.GetProperty("emergent").GetBoolean()).ToList();
        Assert.True(emergent.SkipWhile(e => e).All(e => !e), "every emergent finding comes before the first non-emergent one");
        var l858rOsimertinib = therapies.FindIndex(t => t.GetProperty("ruleId").GetString() == "LUNG-EGFR-L858R/osimertinib");
        var l858rErlotinib = therapies.FindIndex(t => t.GetProperty("ruleId").GetString() == "LUNG-EGFR-L858R/erlotinib");
        var t790mErlotinibResistance = therapies.FindIndex(t => t.GetProperty("ruleId").GetString() == "LUNG-EGFR-T790M-RES/erlotinib");
        Assert.Equal(t790mErlotinibResistance + 1, l858rErlotinib);
        Assert.True(l858rOsimertinib > l858rErlotinib, "the resisted erlotinib claim is shown with its resistance, after the emergent findings");
    }

    [Fact]
    public async Task Given_acquired_T790M_then_every_resisted_sensitivity_claim_is_listed_after_its_resistance_never_above_it()
    {
        var therapies = await T790MTherapiesAsync();

        var resisted = therapies.Select((t, i) => (t, i)).Where(p => p.t.GetProperty("resistedBy").GetArrayLength() > 0).ToList();
        Assert.Contains(resisted, p => Drugs(p.t) == "erlotinib");
        Assert.All(resisted, p =>
        {
            Assert.Equal("sensitive", p.t.GetProperty("effect").GetString());
            var first = p.t.GetProperty("resistedBy").EnumerateArray().Select(r => r.GetString()).ToList();
            var anchor = therapies.FindIndex(t => first.Contains($"{t.GetProperty("ruleId").GetString()} @ {t.GetProperty("alterationKey").GetString()}")
                && t.GetProperty("effect").GetString() == "resistant");
            Assert.True(anchor >= 0 && anchor < p.i, $"{Drugs(p.t)} ({p.t.GetProperty("ruleId").GetString()}) at {p.i} must follow its resistance at {anchor}");
        });
    }

    [Fact]
    public async Task Given_acquired_T790M_then_erlotinib_plus_ramucirumab_with_a_resistance_caveat_is_in_conflicts()
    {
        var ingested = await IngestAsync(Cases.LungT790MAfterErlotinib());
        var evaluation = await GetAsync<JsonElement>(Board, $"/api/patients/{ingested.PatientId}/recommendations");

        var combination = Therapies.Of(evaluation).Single(t => Drugs(t) == "erlotinib+ramucirumab" && t.GetProperty("ruleId").GetString() == "LUNG-EGFR-L858R/erlotinib+ramucirumab");
        Assert.Contains(combination.GetProperty("caveats").EnumerateArray(), c => c.GetString()!.Contains("EGFR T790M", StringComparison.Ordinal));
        Assert.True(combination.GetProperty("inConflict").GetBoolean());
        Assert.Contains(T790MResistance, combination.GetProperty("resistedBy").EnumerateArray().Select(r => r.GetString()));
        var conflict = Assert.Single(evaluation.GetProperty("conflicts").EnumerateArray(), c => Drugs(c) == "erlotinib+ramucirumab");
        Assert.Contains("LUNG-EGFR-L858R/erlotinib+ramucirumab", conflict.GetProperty("sensitiveRuleIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("LUNG-EGFR-T790M-RES/erlotinib", conflict.GetProperty("resistantRuleIds").EnumerateArray().Select(r => r.GetString()));
        Assert.All(Therapies.Of(evaluation).Where(t => t.GetProperty("caveats").EnumerateArray().Any(c => c.GetString()!.Contains("a resistance finding for", StringComparison.Ordinal))),
            t => Assert.True(t.GetProperty("inConflict").GetBoolean(), $"{Drugs(t)} names a resistance alteration in a caveat but is not in conflict"));
    }

    private static string Drugs(JsonElement finding) => string.Join("+", finding.GetProperty("drugs").EnumerateArray().Select(d => d.GetString()));
}
