using System.Text.RegularExpressions;
using TumorBoard.KnowledgeBase.Json;

namespace TumorBoard.KnowledgeBase.Rules;

/// <summary>Reads and checks the fields several matcher kinds share: gene symbols, canonical protein changes, codon ranges.</summary>
internal sealed partial class MatcherFields(NodeReader reader)
{
    public bool CheckRange(LineObject node, int? start, int? end)
    {
        if (start is null || end is null)
        {
            return false;
        }

        if (start < 1 || end < start)
        {
            reader.Error(node.Line, $"codon range {start}-{end} is empty or not positive");
            return false;
        }

        return true;
    }

    public string? Gene(LineObject node) => Symbol(node, "gene", required: true);

    public string? Partner(LineObject node) => Symbol(node, "partner", required: false);

    private string? Symbol(LineObject node, string name, bool required)
    {
        var gene = reader.String(node, name, required);
        if (gene is not null && !GenePattern().IsMatch(gene))
        {
            reader.Error(node[name]!.Line, $"'{gene}' is not an HGNC-style gene symbol (letters, digits, '-')");
            return null;
        }

        return gene;
    }

    public string? ProteinChange(LineObject node, string name)
    {
        var change = reader.String(node, name);
        return change is not null && CheckProteinChange(change, node[name]!.Line) ? change : null;
    }

    public bool CheckProteinChange(string change, int line)
    {
        if (ProteinPattern().IsMatch(change))
        {
            return true;
        }

        reader.Error(line, $"protein change '{change}' is not in canonical one-letter form without 'p.' (e.g. L858R, E746_A750del, K3326*)");
        return false;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex GenePattern();

    [GeneratedRegex(@"^[A-Z*]\d+(_[A-Z*]\d+)?([A-Z*]|del|dup|ins[A-Z]+|delins[A-Z]+|[A-Z]?fs(\*\d+)?)$")]
    private static partial Regex ProteinPattern();
}
