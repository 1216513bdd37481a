using TumorBoard.Core.Evolution;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>
/// The manifest's <c>molecularProgression</c> section as written: the plasma limit of detection and the rules,
/// with drug classes and rule ids still unresolved (the rules and the drug vocabulary are checked against it
/// once everything is loaded, in <see cref="Resolve"/>).
/// </summary>
internal sealed record MolecularProgressionSection(decimal LimitOfDetectionVaf, string LimitOfDetectionNote, IReadOnlyList<MolecularProgressionSection.Entry> Entries)
{
    internal sealed record Entry(int Line, string Id, IReadOnlyList<string> RuleIds, IReadOnlyList<string> Drugs, IReadOnlyList<string> DrugClasses,
        ProgressionTrigger Trigger, ClonalHaematopoiesisHandling ClonalHaematopoiesis, IReadOnlyList<Citation> Citations, string Description);

    public static MolecularProgressionSection? Parse(LineObject node, NodeReader reader, CitationParser citations)
    {
        reader.OnlyProperties(node, "comment", "limitOfDetectionVaf", "limitOfDetectionSource", "rules");
        var lod = reader.Number(node, "limitOfDetectionVaf");
        var lodSource = reader.String(node, "limitOfDetectionSource");
        if (lod is not (>= 0m and < 1m))
        {
            reader.Error(node.Line, "'limitOfDetectionVaf' must be a fraction in 0..1");
            return null;
        }

        var entries = new List<Entry>();
        foreach (var item in reader.Array(node, "rules")?.Items ?? [])
        {
            if (item is not LineObject rule)
            {
                reader.Error(item.Line, "every molecular-progression rule must be an object");
                continue;
            }

            reader.OnlyProperties(rule, "id", "watches", "resists", "trigger", "clonalHaematopoiesis", "description", "citations");
            var id = reader.String(rule, "id");
            var description = reader.String(rule, "description");
            var trigger = reader.String(rule, "trigger") switch
            {
                "appearance" => ProgressionTrigger.Appearance,
                "appearanceOrIncrease" => ProgressionTrigger.AppearanceOrIncrease,
                _ => (ProgressionTrigger?)null,
            };
            var ch = reader.String(rule, "clonalHaematopoiesis") switch
            {
                "suppress" => ClonalHaematopoiesisHandling.Suppress,
                "caveat" => ClonalHaematopoiesisHandling.Caveat,
                _ => (ClonalHaematopoiesisHandling?)null,
            };
            var ruleIds = reader.Strings(rule, "watches");
            var resists = reader.Object(rule, "resists", required: false);
            var drugs = resists is null ? [] : reader.Strings(resists, "drugs");
            var classes = resists is null ? [] : reader.Strings(resists, "classes");
            if (resists is not null)
            {
                reader.OnlyProperties(resists, "drugs", "classes");
            }

            // A rule that names its own alterations and drugs is evidence of its own and must cite it.
            var cited = ruleIds.Count > 0 ? citations.List(rule) : rule["citations"] is null ? [] : citations.List(rule);
            if (trigger is null || ch is null)
            {
                reader.Error(rule.Line, "'trigger' must be appearance or appearanceOrIncrease; 'clonalHaematopoiesis' must be suppress or caveat");
            }
            else if (id is not null && description is not null && cited is not null)
            {
                entries.Add(new Entry(rule.Line, id, ruleIds, drugs, classes, trigger.Value, ch.Value, cited, description));
            }
        }

        return lodSource is null ? null : new MolecularProgressionSection(lod.Value, lodSource, entries);
    }

    /// <summary>Checks every watched rule id exists and every drug and class is in the vocabulary; resolves classes to INNs.</summary>
    public MolecularProgressionRules Resolve(IReadOnlyCollection<Rule> rules, DrugNames drugs, NodeReader reader)
    {
        var ruleIds = rules.Select(r => r.Id).SelectMany(id => new[] { id, id.Split('/')[0] }).ToHashSet(StringComparer.Ordinal);
        var resolved = new List<ProgressionRule>();
        foreach (var entry in Entries)
        {
            foreach (var missing in entry.RuleIds.Where(id => !ruleIds.Contains(id)))
            {
                reader.Error(entry.Line, $"molecular-progression rule '{entry.Id}' watches '{missing}', which is not a rule of the knowledge base");
            }

            var inns = new List<string>(entry.Drugs);
            foreach (var unknown in entry.Drugs.Where(d => drugs.ClassesOf(d).Count == 0 && !drugs.KnownInns.Contains(d, StringComparer.Ordinal)))
            {
                reader.Error(entry.Line, $"molecular-progression rule '{entry.Id}': '{unknown}' is not a drug of the vocabulary");
            }

            foreach (var drugClass in entry.DrugClasses)
            {
                var members = drugs.InnsInClass(drugClass);
                if (members.Count == 0)
                {
                    reader.Error(entry.Line, $"molecular-progression rule '{entry.Id}': '{drugClass}' is not a drug class of the vocabulary");
                }

                inns.AddRange(members);
            }

            resolved.Add(new ProgressionRule(entry.Id, entry.RuleIds, inns.Count == 0 ? null : inns.Distinct(StringComparer.Ordinal).ToList(),
                entry.Trigger, entry.ClonalHaematopoiesis, entry.Citations, entry.Description));
        }

        return new MolecularProgressionRules(LimitOfDetectionVaf, LimitOfDetectionNote, resolved);
    }
}
