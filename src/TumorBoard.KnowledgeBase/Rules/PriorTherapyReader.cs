using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>The drugs and drug classes a prior-therapy requirement names.</summary>
internal sealed record PriorTherapyFields(IReadOnlyList<string> Drugs, IReadOnlyList<string> Classes);

/// <summary>
/// Reads the <c>drugs</c> and <c>classes</c> of a prior-therapy requirement, as a rule's context and a trial's
/// <c>priorTherapy</c> and <c>priorLines</c> criteria state them: every drug checked, every class known.
/// </summary>
/// <param name="reader">Reads the node and records the errors.</param>
/// <param name="drugs">Checks every named drug.</param>
/// <param name="isKnownClass">The drug vocabulary's classes for rules; those and the file's own for trials.</param>
/// <param name="classSource">Where a class must come from, for the error.</param>
internal sealed class PriorTherapyReader(NodeReader reader, DrugChecker drugs, Func<string, bool> isKnownClass, string classSource)
{
    /// <summary>Null (with the errors recorded) when a drug or class is unknown, or when one is required and neither is given.</summary>
    public PriorTherapyFields? Read(LineObject node, bool requireDrugsOrClasses = true)
    {
        var drugList = reader.Strings(node, "drugs");
        var classes = reader.Strings(node, "classes");
        var valid = drugs.Check(drugList, node.Line);
        foreach (var unknown in classes.Where(c => !isKnownClass(c)))
        {
            reader.Error(node.Line, $"unknown drug class '{unknown}' ({classSource})");
            valid = false;
        }

        if (requireDrugsOrClasses && drugList.Count + classes.Count == 0)
        {
            reader.Error(node.Line, "'priorTherapy' needs 'drugs' or 'classes'");
            valid = false;
        }

        return valid ? new PriorTherapyFields(drugList, classes) : null;
    }
}
