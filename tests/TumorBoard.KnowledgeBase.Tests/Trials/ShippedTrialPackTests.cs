using TumorBoard.Core.Rules;
using TumorBoard.KnowledgeBase.Trials;

namespace TumorBoard.KnowledgeBase.Tests.Trials;

public class ShippedTrialPackTests
{
    [Fact]
    public void Every_shipped_trial_pack_loads_from_the_assembly()
    {
        var catalog = TrialPacks.Catalog;

        Assert.Equal(["BATTLE-2", "DARWIN1", "DARWIN2", "I-SPY2", "Lung-MAP", "NCI-MATCH", "NCI-MPACT", "NLMT", "PADA-1", "SAFIR02-Breast", "SAFIR02-Lung", "SHIVA01"], catalog.Trials.Select(t => t.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_embedded_packs_equal_the_data_folder()
    {
        var fromFolder = TrialLoader.LoadFromDirectory(TestVocabulary.ShippedDataDirectory, TestVocabulary.OncoTree, TestVocabulary.Drugs);

        Assert.Equal(TrialPacks.Catalog.ContentHash, fromFolder.ContentHash);
    }

    [Fact]
    public void Every_trial_names_its_nct_id_and_every_arm_has_a_citation()
    {
        foreach (var trial in TrialPacks.Catalog.Trials)
        {
            Assert.Matches("^NCT\\d{8}$", trial.PrimaryNctId);
            Assert.Contains(trial.Citations, c => c.Type == CitationType.Nct);
            Assert.All(trial.Arms, arm => Assert.NotEmpty(arm.Citations));
        }
    }

    [Fact]
    public void Every_trial_file_has_a_version_and_its_own_content_hash()
    {
        var trials = TrialPacks.Catalog.Trials;

        Assert.All(trials, t => Assert.Matches("^[0-9a-f]{64}$", t.ContentHash));
        Assert.All(trials, t => Assert.False(string.IsNullOrWhiteSpace(t.Version)));
        Assert.Equal(trials.Count, trials.Select(t => t.ContentHash).Distinct().Count());
    }

    [Fact]
    public void Nci_match_ships_the_38_registered_sub_protocols_and_no_Z1J()
    {
        var arms = TrialPacks.Catalog.Find("NCI-MATCH")!.Arms.Select(a => a.Id).ToList();

        Assert.Equal(
            ["A", "B", "C1", "C2", "E", "F", "G", "H", "I", "J", "K1", "K2", "L", "M", "N", "P", "Q", "R", "S1", "S2", "T", "U", "V", "W", "X", "Y",
             "Z1A", "Z1B", "Z1C", "Z1D", "Z1E", "Z1F", "Z1G", "Z1H", "Z1I", "Z1K", "Z1L", "Z1M"],
            arms);
        Assert.DoesNotContain("Z1J", arms);
    }

    [Fact]
    public void Corrected_drugs_Z1K_ipatasertib_Z1L_ulixertinib_Z1M_nivolumab_relatlimab()
    {
        var match = TrialPacks.Catalog.Find("NCI-MATCH")!;

        Assert.Equal(["ipatasertib"], match.Arms.Single(a => a.Id == "Z1K").Drugs);
        Assert.Equal(["ulixertinib"], match.Arms.Single(a => a.Id == "Z1L").Drugs);
        Assert.Equal(["nivolumab", "relatlimab"], match.Arms.Single(a => a.Id == "Z1M").Drugs);
    }

    [Fact]
    public void Lung_map_ships_the_sourced_sub_studies()
    {
        var arms = TrialPacks.Catalog.Find("Lung-MAP")!.Arms.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            ["S1400A", "S1400B", "S1400C", "S1400D", "S1400E", "S1400F", "S1400G", "S1400I", "S1800A", "S1800D", "S1900A", "S1900B", "S1900F", "S1900G", "S1900K"],
            arms);
    }

    [Fact]
    public void Arm_drugs_are_lower_case()
    {
        var drugs = TrialPacks.Catalog.Trials.SelectMany(t => t.Arms).SelectMany(a => a.Drugs);

        Assert.All(drugs, d => Assert.Equal(d.ToLowerInvariant(), d));
    }
}
