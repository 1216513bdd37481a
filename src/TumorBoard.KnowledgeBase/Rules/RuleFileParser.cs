using System.Text.RegularExpressions;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>
/// Reads one rule file. Each entry states a biomarker, tumour scope, effect and sources once and lists
/// one or more therapies; every therapy becomes its own <see cref="Rule"/> with id <c>{entry id}/{drugs}</c>.
/// </summary>
internal sealed partial class RuleFileParser(NodeReader reader, OncoTree oncoTree, DrugNames drugs, Manifest manifest)
{
    private readonly HashSet<string> _knownClasses = drugs.KnownClasses.ToHashSet(StringComparer.Ordinal);
    private readonly MatcherParser _matchers = new(reader, manifest.DefaultAmplificationCopyNumber);
    private readonly RuleContextParser _contexts = new(reader, drugs);
    private readonly DrugChecker _drugChecker = new(reader, drugs.KnownInns.ToHashSet(StringComparer.Ordinal));
    private readonly TumorScopeParser _tumors = new(reader, oncoTree);
    private readonly CitationParser _citations = new(reader);

    public List<Rule> Parse(LineNode root)
    {
        var rules = new List<Rule>();
        if (root is not LineObject file)
        {
            reader.Error(root.Line, "a rule file must be a JSON object with a 'rules' array");
            return rules;
        }

        reader.OnlyProperties(file, "area", "rules");
        foreach (var item in reader.Array(file, "rules")?.Items ?? [])
        {
            reader.Subject = null;
            if (item is LineObject entry)
            {
                rules.AddRange(ParseEntry(entry));
            }
            else
            {
                reader.Error(item.Line, "every item of 'rules' must be an object");
            }
        }

        reader.Subject = null;
        return rules;
    }

    private IEnumerable<Rule> ParseEntry(LineObject entry)
    {
        reader.OnlyProperties(entry, "id", "biomarker", "tumor", "effect", "level", "therapies", "context", "escat", "citations", "rationale");
        var id = reader.String(entry, "id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            reader.Error(entry["id"]!.Line, $"id '{id}' must be upper-case letters, digits and '-'");
        }

        reader.Subject = id;
        var biomarker = reader.Object(entry, "biomarker") is { } b ? _matchers.ParseTop(b) : null;
        var tumor = reader.Object(entry, "tumor") is { } t ? _tumors.Parse(t, exclusionsAloneMeanAllTumors: false) : null;
        var effect = Effect(entry);
        var defaultLevel = Level(entry, effect, required: false);
        var context = reader.Object(entry, "context", required: false) is { } c ? _contexts.Parse(c) : RuleContext.None;
        var escat = reader.Object(entry, "escat", required: false) is { } e ? EscatParser.Parse(reader, _citations, e) : null;
        var citations = _citations.List(entry);
        var rationale = reader.String(entry, "rationale");
        var therapies = Therapies(entry, effect, defaultLevel);
        if (id is null || biomarker is null || tumor is null || effect is null || context is null || citations is null || rationale is null)
        {
            yield break;
        }

        foreach (var (drugs, with, priors, level, line) in therapies)
        {
            // A therapy with its own precondition gets its own context (and so its own engine group).
            var ruleContext = priors.Count == 0 ? context : RuleContextParser.WithPriors(context, priors);
            yield return new Rule
            {
                Id = $"{id}/{string.Join('+', drugs.Concat(with)).Replace(' ', '-')}",
                Biomarker = biomarker,
                Tumor = tumor,
                Drugs = drugs,
                With = with,
                Effect = effect.Value,
                Level = level,
                Escat = escat,
                Context = ruleContext,
                Citations = citations,
                Rationale = rationale,
                Origin = $"{reader.File}:{line}",
            };
        }
    }

    private List<(IReadOnlyList<string> Drugs, IReadOnlyList<string> With, List<PriorTherapyRequirement> Priors, EvidenceLevel Level, int Line)> Therapies(LineObject entry, TherapyEffect? effect, EvidenceLevel? defaultLevel)
    {
        var result = new List<(IReadOnlyList<string>, IReadOnlyList<string>, List<PriorTherapyRequirement>, EvidenceLevel, int)>();
        var array = reader.Array(entry, "therapies");
        if (array is { Items.Count: 0 })
        {
            reader.Error(array.Line, "'therapies' must list at least one therapy");
        }

        foreach (var item in array?.Items ?? [])
        {
            if (item is not LineObject therapy)
            {
                reader.Error(item.Line, "every therapy must be an object with 'drugs'");
                continue;
            }

            reader.OnlyProperties(therapy, "drugs", "level", "with", "priorTherapy");
            // A precondition of this therapy only (datopotamab deruxtecan after EGFR TKI and platinum, next to first-line TKIs).
            var priors = _contexts.PriorTherapies(therapy);
            var drugs = reader.Strings(therapy, "drugs", required: true);
            // Drug classes given with the drugs (trastuzumab + chemotherapy): a class, not an INN, since the label names the backbone loosely.
            var with = reader.Strings(therapy, "with");
            foreach (var unknown in with.Where(c => !_knownClasses.Contains(c)))
            {
                reader.Error(therapy.Line, $"unknown drug class '{unknown}' in 'with' (classes come from the drug vocabulary)");
            }

            var level = Level(therapy, effect, required: false) ?? defaultLevel;
            if (level is null && therapy["level"] is null && entry["level"] is null)
            {
                reader.Error(therapy.Line, "no 'level' on the therapy or the rule");
            }

            if (drugs.Count == 0)
            {
                reader.Error(therapy.Line, "'drugs' must list at least one drug");
            }

            var valid = _drugChecker.Check(drugs, therapy.Line);
            if (drugs.Count > 0 && valid && level is not null)
            {
                result.Add((drugs, with, priors, level.Value, therapy.Line));
            }
        }

        return result;
    }

    private TherapyEffect? Effect(LineObject entry)
    {
        var text = reader.String(entry, "effect");
        switch (text)
        {
            case null: return null;
            case "sensitive": return TherapyEffect.Sensitive;
            case "resistant": return TherapyEffect.Resistant;
            default:
                reader.Error(entry["effect"]!.Line, $"effect '{text}' must be 'sensitive' or 'resistant'");
                return null;
        }
    }

    private EvidenceLevel? Level(LineObject node, TherapyEffect? effect, bool required)
    {
        var text = reader.String(node, "level", required);
        if (text is null)
        {
            return null;
        }

        if (!EvidenceLevels.TryParse(text, out var level) || text is "2A" or "2B")
        {
            reader.Error(node["level"]!.Line, $"level '{text}' is not one of 1, 2, 3A, 3B, 4, R1, R2");
            return null;
        }

        if (effect is { } e && (e == TherapyEffect.Resistant) != level.IsResistance())
        {
            reader.Error(node["level"]!.Line, $"level {text} does not fit effect '{e.ToString().ToLowerInvariant()}' (resistance uses R1/R2, sensitivity 1-4)");
            return null;
        }

        return level;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]*$")]
    private static partial Regex IdPattern();
}
