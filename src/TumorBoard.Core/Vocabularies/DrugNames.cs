using System.Text;

namespace TumorBoard.Core.Vocabularies;

/// <summary>
/// Resolves a medication (RxNorm code, or free text: INN, brand name, or either with dose text) to its lower-case
/// INN, so prior therapies and rules speak the same drug names, and answers which classes a drug belongs to.
/// Text matching prefers the longest known name, so "trastuzumab deruxtecan" is not read as "trastuzumab".
/// </summary>
public sealed class DrugNames
{
    private readonly Dictionary<string, string> _innByRxnorm;
    private readonly Dictionary<string, string> _innByPhrase;
    private readonly Dictionary<string, string[]> _classesByInn;
    private readonly int _longestPhrase;

    /// <param name="innByRxnorm">RxNorm ingredient code to INN.</param>
    /// <param name="innByName">Lower-case INN or brand name to INN.</param>
    public DrugNames(IReadOnlyDictionary<string, string> innByRxnorm, IReadOnlyDictionary<string, string> innByName)
        : this(innByRxnorm, innByName ?? throw new ArgumentNullException(nameof(innByName)), new Dictionary<string, string[]>())
    {
    }

    /// <summary>Builds the lookup from drug definitions; every INN is also a name of itself.</summary>
    public DrugNames(IEnumerable<DrugDefinition> drugs)
        : this(Index(drugs ?? throw new ArgumentNullException(nameof(drugs)), out var innByName, out var classesByInn), innByName, classesByInn)
    {
    }

    private DrugNames(
        IReadOnlyDictionary<string, string> innByRxnorm,
        IReadOnlyDictionary<string, string> innByName,
        IReadOnlyDictionary<string, string[]> classesByInn)
    {
        _innByRxnorm = innByRxnorm.ToDictionary(p => p.Key.Trim(), p => p.Value, StringComparer.Ordinal);
        _innByPhrase = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, inn) in innByName)
        {
            _innByPhrase[NormalizeName(name)] = inn;
        }

        _classesByInn = new Dictionary<string, string[]>(classesByInn, StringComparer.OrdinalIgnoreCase);
        _longestPhrase = _innByPhrase.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(1).Max();
    }

    /// <summary>Number of names (INNs, brands, synonyms) the text matcher knows.</summary>
    public int Count => _innByPhrase.Count;

    /// <summary>Every INN the vocabulary knows, for validating rule files.</summary>
    public IEnumerable<string> KnownInns => _innByPhrase.Values.Distinct(StringComparer.Ordinal);

    /// <summary>Every drug class used by at least one drug.</summary>
    public IEnumerable<string> KnownClasses => _classesByInn.Values.SelectMany(c => c).Distinct(StringComparer.Ordinal);

    /// <summary>Lower-cases text and splits it into words on anything that is not a letter or digit, joined by one space.</summary>
    public static string NormalizeName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', Words(text));
    }

    /// <summary>The INN for an RxNorm code if known, else the INN of the longest drug name found in the text; null when neither.</summary>
    public string? ToInn(string? rxnormCode, string? text)
    {
        if (!string.IsNullOrWhiteSpace(rxnormCode) && _innByRxnorm.TryGetValue(rxnormCode.Trim(), out var byCode))
        {
            return byCode;
        }

        return string.IsNullOrWhiteSpace(text) ? null : Matches(Words(text)).FirstOrDefault();
    }

    /// <summary>Every distinct INN named in the text, in order, e.g. both drugs of "carboplatin + pemetrexed".</summary>
    public IReadOnlyList<string> InnsIn(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Matches(Words(text)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The classes of a drug (by INN); empty for an unknown drug.</summary>
    public IReadOnlyList<string> ClassesOf(string? inn) =>
        inn is not null && _classesByInn.TryGetValue(inn.Trim(), out var classes) ? classes : [];

    public bool IsInClass(string? inn, string drugClass) => ClassesOf(inn).Contains(drugClass, StringComparer.Ordinal);

    /// <summary>Every INN in a class, sorted; empty for an unknown class.</summary>
    public IReadOnlyList<string> InnsInClass(string drugClass) =>
        _classesByInn.Where(p => p.Value.Contains(drugClass, StringComparer.Ordinal)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

    // Longest match first; among equally long matches, the earliest. Later matches never overlap earlier ones.
    private IEnumerable<string> Matches(string[] words)
    {
        var found = new List<(int Start, int Length, string Inn)>();
        for (var start = 0; start < words.Length; start++)
        {
            for (var length = Math.Min(_longestPhrase, words.Length - start); length >= 1; length--)
            {
                if (_innByPhrase.TryGetValue(string.Join(' ', words, start, length), out var inn))
                {
                    found.Add((start, length, inn));
                    break;
                }
            }
        }

        var taken = new bool[words.Length];
        var chosen = new List<(int Start, string Inn)>();
        foreach (var match in found.OrderByDescending(m => m.Length).ThenBy(m => m.Start))
        {
            if (taken.AsSpan(match.Start, match.Length).Contains(true))
            {
                continue;
            }

            taken.AsSpan(match.Start, match.Length).Fill(true);
            chosen.Add((match.Start, match.Inn));
        }

        return chosen.OrderBy(c => c.Start).Select(c => c.Inn);
    }

    private static string[] Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    private static Dictionary<string, string> Index(
        IEnumerable<DrugDefinition> drugs,
        out Dictionary<string, string> innByName,
        out Dictionary<string, string[]> classesByInn)
    {
        var innByRxnorm = new Dictionary<string, string>(StringComparer.Ordinal);
        innByName = new Dictionary<string, string>(StringComparer.Ordinal);
        classesByInn = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var drug in drugs)
        {
            classesByInn[drug.Inn] = [.. drug.Classes];
            foreach (var name in drug.Names.Prepend(drug.Inn))
            {
                innByName[name] = drug.Inn;
            }

            foreach (var code in drug.RxnormCodes)
            {
                innByRxnorm[code] = drug.Inn;
            }
        }

        return innByRxnorm;
    }
}
