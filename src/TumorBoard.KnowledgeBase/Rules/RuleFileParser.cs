using System.Text.RegularExpressions;
using TumorBoard.Core.Patients;
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
    private static readonly Dictionary<string, ClinicalMarker> Markers = new(StringComparer.Ordinal)
    {
        ["HR"] = ClinicalMarker.HormoneReceptor,
        ["ER"] = ClinicalMarker.EstrogenReceptor,
        ["PR"] = ClinicalMarker.ProgesteroneReceptor,
        ["HER2"] = ClinicalMarker.Her2,
    };

    private readonly HashSet<string> _knownDrugs = drugs.KnownInns.ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _knownClasses = drugs.KnownClasses.ToHashSet(StringComparer.Ordinal);
    private readonly MatcherParser _matchers = new(reader, manifest.DefaultAmplificationCopyNumber);
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
        var tumor = reader.Object(entry, "tumor") is { } t ? Tumor(t) : null;
        var effect = Effect(entry);
        var defaultLevel = Level(entry, effect, required: false);
        var context = reader.Object(entry, "context", required: false) is { } c ? Context(c) : RuleContext.None;
        var escat = reader.Object(entry, "escat", required: false) is { } e ? Escat(e) : null;
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
            var ruleContext = priors.Count == 0 ? context : WithPriors(context, priors);
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
            var priors = PriorTherapies(therapy);
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

            var valid = CheckDrugs(drugs, therapy.Line);
            if (drugs.Count > 0 && valid && level is not null)
            {
                result.Add((drugs, with, priors, level.Value, therapy.Line));
            }
        }

        return result;
    }

    private bool CheckDrugs(IReadOnlyList<string> drugs, int line)
    {
        var valid = true;
        foreach (var drug in drugs)
        {
            if (drug.Any(char.IsUpper))
            {
                reader.Error(line, $"drug '{drug}' must be a lower-case INN");
                valid = false;
            }
            else if (!_knownDrugs.Contains(drug))
            {
                reader.Error(line, $"drug '{drug}' is not in the drug vocabulary");
                valid = false;
            }
        }

        return valid;
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

    private TumorScope? Tumor(LineObject node)
    {
        reader.OnlyProperties(node, "scope", "include", "exclude");
        var scopeText = reader.String(node, "scope", required: false) ?? "listed";
        var include = Codes(node, "include");
        var exclude = Codes(node, "exclude");
        TumorScopeKind kind;
        switch (scopeText)
        {
            case "listed": kind = TumorScopeKind.Listed; break;
            case "allSolid": kind = TumorScopeKind.AllSolid; break;
            case "allTumors": kind = TumorScopeKind.AllTumors; break;
            default:
                reader.Error(node["scope"]!.Line, $"scope '{scopeText}' must be 'listed', 'allSolid' or 'allTumors'");
                return null;
        }

        if (include is null || exclude is null)
        {
            return null;
        }

        if (kind == TumorScopeKind.Listed && include.Count == 0)
        {
            reader.Error(node.Line, "a listed tumour scope needs OncoTree codes in 'include'");
            return null;
        }

        if (kind != TumorScopeKind.Listed && include.Count > 0)
        {
            reader.Error(node["include"]!.Line, $"scope '{scopeText}' takes no 'include' codes");
            return null;
        }

        return new TumorScope(kind, include, exclude);
    }

    private List<string>? Codes(LineObject node, string name)
    {
        var codes = new List<string>();
        var valid = true;
        foreach (var code in reader.Strings(node, name))
        {
            if (oncoTree.Find(code) is { } found)
            {
                codes.Add(found.Code);
            }
            else
            {
                reader.Error(node[name]!.Line, $"unknown OncoTree code '{code}' (OncoTree {oncoTree.Version})");
                valid = false;
            }
        }

        return valid ? codes : null;
    }

    private RuleContext? Context(LineObject node)
    {
        reader.OnlyProperties(node, "origin", "receptors", "priorTherapy");
        var originText = reader.String(node, "origin", required: false) ?? "any";
        RequiredOrigin? origin = originText switch
        {
            "any" => RequiredOrigin.Any,
            "germline" => RequiredOrigin.Germline,
            "somatic" => RequiredOrigin.Somatic,
            _ => null,
        };
        if (origin is null)
        {
            reader.Error(node["origin"]!.Line, $"origin '{originText}' must be 'any', 'germline' or 'somatic'");
        }

        var receptors = new List<ReceptorRequirement>();
        if (reader.Object(node, "receptors", required: false) is { } markers)
        {
            foreach (var property in markers.Properties)
            {
                var status = property.Value is LineString s ? s.Value : null;
                if (!Markers.TryGetValue(property.Name, out var marker))
                {
                    reader.Error(property.Line, $"unknown receptor '{property.Name}' (known: {string.Join(", ", Markers.Keys)})");
                }
                else if (status is not ("positive" or "negative"))
                {
                    reader.Error(property.Line, $"receptor '{property.Name}' must be 'positive' or 'negative'");
                }
                else
                {
                    receptors.Add(new ReceptorRequirement(marker, status == "positive" ? MarkerStatus.Positive : MarkerStatus.Negative));
                }
            }
        }

        var priors = PriorTherapies(node);
        return origin is null ? null : new RuleContext(origin.Value, receptors, priors.FirstOrDefault()) { MorePriorTherapies = priors.Skip(1).ToList() };
    }

    /// <summary>A <c>priorTherapy</c> object, or an array of them that must all hold; empty when absent.</summary>
    private List<PriorTherapyRequirement> PriorTherapies(LineObject node)
    {
        var priors = new List<PriorTherapyRequirement>();
        var priorNodes = node["priorTherapy"] switch
        {
            LineArray array => array.Items,
            LineObject single => [single],
            null => [],
            var other => Invalid(other),
        };
        foreach (var item in priorNodes)
        {
            if (item is not LineObject priorNode)
            {
                reader.Error(item.Line, "'priorTherapy' must be an object, or an array of objects that must all hold");
                continue;
            }

            reader.OnlyProperties(priorNode, "drugs", "classes");
            var drugs = reader.Strings(priorNode, "drugs");
            var classes = reader.Strings(priorNode, "classes");
            CheckDrugs(drugs, priorNode.Line);
            foreach (var unknown in classes.Where(c => !_knownClasses.Contains(c)))
            {
                reader.Error(priorNode.Line, $"unknown drug class '{unknown}' (classes come from the drug vocabulary)");
            }

            if (drugs.Count + classes.Count == 0)
            {
                reader.Error(priorNode.Line, "'priorTherapy' needs 'drugs' or 'classes'");
            }

            priors.Add(new PriorTherapyRequirement(drugs, classes));
        }

        return priors;
    }

    private static RuleContext WithPriors(RuleContext context, List<PriorTherapyRequirement> priors)
    {
        var all = context.AllPriorTherapies.Concat(priors).ToList();
        return context with { PriorTherapy = all[0], MorePriorTherapies = all.Skip(1).ToList() };
    }

    private IReadOnlyList<LineNode> Invalid(LineNode node)
    {
        reader.Error(node.Line, "'priorTherapy' must be an object, or an array of objects that must all hold");
        return [];
    }

    private EscatAssignment? Escat(LineObject node)
    {
        reader.OnlyProperties(node, "tier", "citation");
        var tier = reader.String(node, "tier");
        if (tier is not null && !EscatAssignment.Tiers.Contains(tier))
        {
            reader.Error(node["tier"]!.Line, $"'{tier}' is not an ESCAT tier ({string.Join(", ", EscatAssignment.Tiers)})");
            return null;
        }

        var citation = reader.Object(node, "citation") is { } c ? _citations.One(c) : null;
        return tier is null || citation is null ? null : new EscatAssignment(tier, citation);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]*$")]
    private static partial Regex IdPattern();
}
