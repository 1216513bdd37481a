using TumorBoard.Core.Alterations;

namespace TumorBoard.Fhir.Output.Recommendations;

/// <summary>
/// The Sequence Ontology change type (variant component 48019-4) read from the HGVS c. change, where
/// its spelling says it; copy-number changes are SO:0001019. Otherwise none is claimed.
/// </summary>
internal static class ChangeTypes
{
    public static (string Code, string Display)? Of(Alteration alteration)
    {
        if (alteration.Kind == AlterationKind.Cna)
        {
            return ("SO:0001019", "copy_number_variation");
        }

        if (alteration.Kind is not (AlterationKind.Snv or AlterationKind.Indel) || alteration.CodingChange is not { } change)
        {
            return null;
        }

        if (change.Contains("delins", StringComparison.Ordinal))
        {
            return ("SO:1000032", "delins");
        }

        if (change.Contains("del", StringComparison.Ordinal))
        {
            return ("SO:0000159", "deletion");
        }

        if (change.Contains("dup", StringComparison.Ordinal))
        {
            return ("SO:1000035", "duplication");
        }

        if (change.Contains("ins", StringComparison.Ordinal))
        {
            return ("SO:0000667", "insertion");
        }

        // One position substituted (c.2573T>G); a range (c.2573_2574TG>GT) is not a single-nucleotide change.
        return change.Contains('>', StringComparison.Ordinal) && !change.Contains('_', StringComparison.Ordinal)
            ? ("SO:0001483", "SNV")
            : null;
    }
}
