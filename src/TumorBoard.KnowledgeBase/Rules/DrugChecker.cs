using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>
/// Checks drug names in rule and trial files alike: lower-case INNs of the drug vocabulary, or, in a trial file,
/// code names the file declares (agents without an INN).
/// </summary>
internal sealed class DrugChecker(NodeReader reader, ISet<string> knownDrugs, ISet<string>? codeNamedAgents = null)
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
            else if (!knownDrugs.Contains(drug) && codeNamedAgents?.Contains(drug) != true)
            {
                var hint = codeNamedAgents is null ? "" : " (declare agents without an INN in 'codeNamedAgents')";
                reader.Error(line, $"drug '{drug}' is not in the drug vocabulary{hint}");
                valid = false;
            }
        }

        return valid;
    }
}
