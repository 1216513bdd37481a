namespace TumorBoard.Core.Vocabularies;

/// <summary>
/// Resolves a medication (RxNorm code, or free text: INN, brand name, or either with dose text)
/// to its lower-case INN, so prior therapies and rules speak the same drug names.
/// </summary>
public sealed class DrugNames
{
    private readonly Dictionary<string, string> _innByRxnorm;
    private readonly Dictionary<string, string> _innByName;

    /// <param name="innByRxnorm">RxNorm ingredient code to INN.</param>
    /// <param name="innByName">Lower-case INN or brand name to INN.</param>
    public DrugNames(IReadOnlyDictionary<string, string> innByRxnorm, IReadOnlyDictionary<string, string> innByName)
    {
        _innByRxnorm = new Dictionary<string, string>(innByRxnorm, StringComparer.Ordinal);
        _innByName = new Dictionary<string, string>(innByName, StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _innByName.Count;

    /// <summary>Every INN the vocabulary knows, for validating rule files.</summary>
    public IEnumerable<string> KnownInns => _innByName.Values.Distinct(StringComparer.Ordinal);

    public string? ToInn(string? rxnormCode, string? text)
    {
        if (!string.IsNullOrWhiteSpace(rxnormCode) && _innByRxnorm.TryGetValue(rxnormCode.Trim(), out var byCode))
        {
            return byCode;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (_innByName.TryGetValue(trimmed, out var exact))
        {
            return exact;
        }

        // "Erlotinib 150 MG Oral Tablet" or "osimertinib (Tagrisso)": try each word.
        foreach (var word in trimmed.Split([' ', '(', ')', ',', '/', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (_innByName.TryGetValue(word, out var byWord))
            {
                return byWord;
            }
        }

        return null;
    }
}
