using TumorBoard.Core.Alterations;

namespace TumorBoard.Core.Rules.Matchers;

/// <summary>The keys under which the engine files a patient's alterations and the KB's rules.</summary>
public static class IndexKeys
{
    /// <summary>Key of tumour mutational burden values (they have no gene).</summary>
    public const string Tmb = "#TMB";

    /// <summary>Key of microsatellite status calls (they have no gene).</summary>
    public const string Msi = "#MSI";

    /// <summary>
    /// Every key an alteration is filed under: its gene, and for a fusion each partner too, because the
    /// actionable kinase may be the 5' partner (FGFR2::BICC1) or the 3' one (EML4::ALK).
    /// </summary>
    public static IEnumerable<string> Of(Alteration alteration)
    {
        ArgumentNullException.ThrowIfNull(alteration);
        switch (alteration.Kind)
        {
            case AlterationKind.Tmb:
                yield return Tmb;
                yield break;
            case AlterationKind.Msi:
                yield return Msi;
                yield break;
        }

        if (!string.IsNullOrEmpty(alteration.Gene))
        {
            yield return alteration.Gene;
        }

        if (alteration.FusionGenes is { } partners)
        {
            foreach (var partner in partners)
            {
                if (!string.IsNullOrEmpty(partner) && !string.Equals(partner, alteration.Gene, StringComparison.Ordinal))
                {
                    yield return partner;
                }
            }
        }
    }
}
