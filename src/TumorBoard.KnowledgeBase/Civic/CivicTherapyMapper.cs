using TumorBoard.Core.Vocabularies;

namespace TumorBoard.KnowledgeBase.Civic;

/// <summary>
/// Maps CIViC therapy names to the drug vocabulary's INNs. A name maps only when it is an INN the vocabulary knows,
/// possibly with a salt or form word (<c>imatinib mesylate</c>, <c>regorafenib anhydrous</c>); classes and regimens
/// (<c>chemotherapy</c>, <c>FOLFOX regimen</c>) do not, so no row is read as a drug it does not name.
/// </summary>
public sealed class CivicTherapyMapper(DrugNames drugs)
{
    private static readonly HashSet<string> FormWords = new(StringComparer.Ordinal)
    {
        "mesylate", "dimesylate", "anhydrous", "hydrochloride", "dihydrochloride", "tosylate", "maleate", "dimaleate", "citrate",
        "sulfate", "besylate", "malate", "tartrate", "phosphate", "regimen",
    };

    private readonly HashSet<string> _inns = drugs.KnownInns.Select(DrugNames.NormalizeName).ToHashSet(StringComparer.Ordinal);

    /// <summary>The INN, or null when the name is not a known drug.</summary>
    public string? Inn(string name)
    {
        var words = DrugNames.NormalizeName(name).Split(' ').Where(w => !FormWords.Contains(w));
        var phrase = string.Join(' ', words);
        if (!_inns.Contains(phrase))
        {
            return null;
        }

        return drugs.ToInn(null, phrase);
    }
}
