using TumorBoard.Core.Patients;
using TumorBoard.Core.Rules;
using TumorBoard.Core.Vocabularies;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>
/// Reads a rule entry's <c>context</c> (origin, receptor status, prior therapy) and a therapy's own prior-therapy
/// preconditions, checking drugs and classes against the drug vocabulary.
/// </summary>
internal sealed class RuleContextParser(NodeReader reader, DrugNames drugs)
{
    private static readonly Dictionary<string, ClinicalMarker> Markers = new(StringComparer.Ordinal)
    {
        ["HR"] = ClinicalMarker.HormoneReceptor,
        ["ER"] = ClinicalMarker.EstrogenReceptor,
        ["PR"] = ClinicalMarker.ProgesteroneReceptor,
        ["HER2"] = ClinicalMarker.Her2,
    };

    private readonly PriorTherapyReader _priorTherapies = new(
        reader,
        new DrugChecker(reader, drugs.KnownInns.ToHashSet(StringComparer.Ordinal)),
        drugs.KnownClasses.ToHashSet(StringComparer.Ordinal).Contains,
        "classes come from the drug vocabulary");

    public RuleContext? Parse(LineObject node)
    {
        reader.OnlyProperties(node, "origin", "receptors", "priorTherapy");
        var origin = OriginParser.Parse(reader, node);

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
    public List<PriorTherapyRequirement> PriorTherapies(LineObject node)
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
            if (_priorTherapies.Read(priorNode) is { } fields)
            {
                priors.Add(new PriorTherapyRequirement(fields.Drugs, fields.Classes));
            }
        }

        return priors;
    }

    /// <summary>The entry's context with a therapy's own prior-therapy preconditions added.</summary>
    public static RuleContext WithPriors(RuleContext context, List<PriorTherapyRequirement> priors)
    {
        var all = context.AllPriorTherapies.Concat(priors).ToList();
        return context with { PriorTherapy = all[0], MorePriorTherapies = all.Skip(1).ToList() };
    }

    private IReadOnlyList<LineNode> Invalid(LineNode node)
    {
        reader.Error(node.Line, "'priorTherapy' must be an object, or an array of objects that must all hold");
        return [];
    }
}
