using System.Text;
using System.Text.Json;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Rules.Engine;
using TumorBoard.KnowledgeBase.Rules;

namespace TumorBoard.KnowledgeBase.Tests;

/// <summary>Runs every Golden/*.json case against the shipped knowledge base and fails with a readable diff.</summary>
public class GoldenCaseTests
{
    private static readonly Lazy<RuleEngine> Engine = new(() =>
        new RuleEngine(KnowledgeBaseLoader.LoadEmbedded(TestVocabulary.OncoTree, TestVocabulary.Drugs), TestVocabulary.OncoTree));

    public static TheoryData<string> CaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Golden"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Every_golden_case_in_the_source_tree_runs()
    {
        var inSource = Directory.GetFiles(Path.Combine(TestVocabulary.ShippedDataDirectory, "..", "..", "..", "tests", "TumorBoard.KnowledgeBase.Tests", "Golden"), "*.json");

        Assert.NotEmpty(inSource);
        Assert.Equal(inSource.Length, CaseFiles().Count);
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Golden_case_gives_the_expected_recommendations(string file)
    {
        var golden = JsonSerializer.Deserialize<GoldenCase>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", file)), GoldenCase.Json)!;

        var result = Engine.Value.Evaluate(golden.ToProfile());

        var diff = Diff(golden.Expect, result);
        Assert.True(diff.Length == 0, $"{file}: {golden.Name}{Environment.NewLine}{diff}{Describe(result)}");
    }

    private static string Diff(GoldenExpectation expect, RuleEvaluation result)
    {
        var diff = new StringBuilder();
        var fired = result.Therapies.ToDictionary(t => t.RuleId, StringComparer.Ordinal);
        foreach (var expected in expect.Therapies)
        {
            if (!fired.TryGetValue(expected.Rule, out var actual))
            {
                diff.AppendLine($"  - missing   {expected.Rule} ({expected.Effect} {expected.Level})");
                continue;
            }

            Check(diff, expected.Rule, "effect", expected.Effect, actual.Effect.ToString().ToLowerInvariant());
            Check(diff, expected.Rule, "level", expected.Level, actual.Level.ToCode());
            Check(diff, expected.Rule, "tumorTypeMatch", expected.TumorTypeMatch, actual.TumorTypeMatch.ToString().ToLowerInvariant());
            foreach (var text in expected.CaveatsContain.Where(text => !actual.Caveats.Any(c => c.Contains(text, StringComparison.OrdinalIgnoreCase))))
            {
                diff.AppendLine($"  ~ {expected.Rule}: no caveat containing '{text}' (caveats: {string.Join(" | ", actual.Caveats)})");
            }

            foreach (var flag in expected.Flags.Where(f => !actual.Flags.Contains(f)))
            {
                diff.AppendLine($"  ~ {expected.Rule}: flag '{flag}' missing (flags: {string.Join(", ", actual.Flags)})");
            }

            foreach (var flag in expected.NoFlags.Where(f => actual.Flags.Contains(f)))
            {
                diff.AppendLine($"  ~ {expected.Rule}: must not carry flag '{flag}'");
            }

            if (expected.Preconditions is { } statuses && !statuses.SequenceEqual(actual.Preconditions.Select(p => p.StatusCode)))
            {
                diff.AppendLine($"  ~ {expected.Rule}: preconditions expected [{string.Join(", ", statuses)}], got [{string.Join(", ", actual.Preconditions.Select(p => $"{p.Requirement}: {p.StatusCode}"))}]");
            }
        }

        if (expect.Exactly)
        {
            foreach (var extra in fired.Keys.Where(id => expect.Therapies.All(t => t.Rule != id)))
            {
                diff.AppendLine($"  + unexpected {extra}");
            }
        }

        foreach (var absent in expect.Absent)
        {
            foreach (var id in fired.Keys.Where(id => absent.EndsWith('/') ? id.StartsWith(absent, StringComparison.Ordinal) : id == absent))
            {
                diff.AppendLine($"  + must not fire {id}");
            }
        }

        foreach (var drugs in expect.Conflicts)
        {
            if (!result.Conflicts.Any(c => c.Drugs.Order(StringComparer.Ordinal).SequenceEqual(drugs.Order(StringComparer.Ordinal))))
            {
                diff.AppendLine($"  - missing conflict on {string.Join(" + ", drugs)}");
            }
        }

        if (expect.NoConflicts && result.Conflicts.Count > 0)
        {
            diff.AppendLine($"  + unexpected conflicts on {string.Join("; ", result.Conflicts.Select(c => string.Join(" + ", c.Drugs)))}");
        }

        foreach (var id in expect.Declined.Where(id => result.Declined.All(d => d.RuleId != id)))
        {
            diff.AppendLine($"  - not declined {id}");
        }

        foreach (var id in expect.Unscoped.Where(id => !result.UnscopedRuleIds.Contains(id)))
        {
            diff.AppendLine($"  - not listed as unscoped {id}");
        }

        foreach (var key in expect.Referrals.Where(k => result.GermlineReferrals.All(r => r.AlterationKey != k)))
        {
            diff.AppendLine($"  - no germline referral for {key}");
        }

        if (expect.NoReferrals && result.GermlineReferrals.Count > 0)
        {
            diff.AppendLine($"  + unexpected germline referrals: {string.Join(", ", result.GermlineReferrals.Select(r => r.AlterationKey))}");
        }

        foreach (var text in expect.WarningsContain.Where(text => !result.Warnings.Any(w => w.Contains(text, StringComparison.OrdinalIgnoreCase))))
        {
            diff.AppendLine($"  - no warning containing '{text}'");
        }

        return diff.ToString();
    }

    private static void Check(StringBuilder diff, string rule, string what, string? expected, string actual)
    {
        if (expected is not null && !string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            diff.AppendLine($"  ~ {rule}: {what} expected {expected}, got {actual}");
        }
    }

    private static string Describe(RuleEvaluation result)
    {
        var text = new StringBuilder("  fired:").AppendLine();
        foreach (var t in result.Therapies)
        {
            text.AppendLine($"    {t.RuleId} {t.Effect.ToString().ToLowerInvariant()} {t.Level.ToCode()} {t.TumorTypeMatch.ToString().ToLowerInvariant()}");
        }

        foreach (var d in result.Declined)
        {
            text.AppendLine($"    declined {d.RuleId}: {d.Reason}");
        }

        foreach (var w in result.Warnings)
        {
            text.AppendLine($"    warning: {w}");
        }

        return text.ToString();
    }
}
