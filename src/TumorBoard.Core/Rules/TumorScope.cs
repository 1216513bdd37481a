namespace TumorBoard.Core.Rules;

/// <summary>Which tumours a rule covers, before exclusions.</summary>
public enum TumorScopeKind
{
    /// <summary>The listed OncoTree codes and their descendants (a rule at NSCLC covers LUAD, not SCLC).</summary>
    Listed,

    /// <summary>Every solid tumour (everything outside the MYELOID and LYMPH tissues).</summary>
    AllSolid,

    /// <summary>Every tumour, solid or liquid.</summary>
    AllTumors,
}

/// <summary>
/// A rule's tumour scope: listed OncoTree codes (each including descendants) or a tumour-agnostic scope,
/// minus excluded codes and their descendants ("all solid tumours except COADREAD").
/// </summary>
public sealed record TumorScope(TumorScopeKind Kind, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    public bool IsAgnostic => Kind != TumorScopeKind.Listed;

    public static TumorScope Codes(params string[] codes) => new(TumorScopeKind.Listed, codes, []);

    public string Describe()
    {
        var scope = Kind switch
        {
            TumorScopeKind.AllSolid => "all solid tumours",
            TumorScopeKind.AllTumors => "all tumours",
            _ => string.Join(", ", Include),
        };
        return Exclude.Count > 0 ? $"{scope} except {string.Join(", ", Exclude)}" : scope;
    }
}
