using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Trials;

/// <summary>Checks drug names: lower-case INNs of the drug vocabulary, or code names the trial file declares (agents without an INN).</summary>
internal sealed class DrugChecker(NodeReader reader, ISet<string> knownDrugs, ISet<string> codeNamedAgents)
{
    public bool Check(IEnumerable<string> drugs, int line)
    {
        var valid = true;
        foreach (var drug in drugs)
        {
            if (drug.Any(char.IsUpper))
            {
                reader.Error(line, $"drug '{drug}' must be a lower-case INN");
                valid = false;
            }
            else if (!knownDrugs.Contains(drug) && !codeNamedAgents.Contains(drug))
            {
                reader.Error(line, $"drug '{drug}' is not in the drug vocabulary (declare agents without an INN in 'codeNamedAgents')");
                valid = false;
            }
        }

        return valid;
    }
}
