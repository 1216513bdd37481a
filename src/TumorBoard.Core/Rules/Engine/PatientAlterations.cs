using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>
/// The patient's interpretable alterations filed by index key (gene, TMB, MSI), so the work grows with the patient's
/// alterations and not with the size of the knowledge base. Every key is filed, so one index serves every engine that
/// evaluates the patient (curated and CIViC layers; see <see cref="PatientProfile"/>); engines look up only their keys.
/// </summary>
internal sealed class PatientAlterations
{
    private readonly Dictionary<string, List<Alteration>> _byKey = new(StringComparer.Ordinal);

    public PatientAlterations(IReadOnlyList<Alteration> alterations)
    {
        Source = alterations;
        foreach (var alteration in alterations)
        {
            if (!alteration.Interpreted)
            {
                continue;
            }

            // Inline rather than IndexKeys.Of: this loop runs for every alteration of every evaluation.
            switch (alteration.Kind)
            {
                case AlterationKind.Tmb:
                    File(IndexKeys.Tmb, alteration);
                    continue;
                case AlterationKind.Msi:
                    File(IndexKeys.Msi, alteration);
                    continue;
            }

            File(alteration.Gene, alteration);
            if (alteration.FusionGenes is { } partners)
            {
                foreach (var partner in partners)
                {
                    if (!string.Equals(partner, alteration.Gene, StringComparison.Ordinal))
                    {
                        File(partner, alteration);
                    }
                }
            }
        }
    }

    public IEnumerable<string> Keys => _byKey.Keys;

    public IReadOnlyList<Alteration> For(string key) => _byKey.TryGetValue(key, out var list) ? list : [];

    /// <summary>The alterations this index was built from (a profile rebuilds its index when they are replaced).</summary>
    public IReadOnlyList<Alteration> Source { get; private init; } = [];

    private void File(string key, Alteration alteration)
    {
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        if (!_byKey.TryGetValue(key, out var list))
        {
            list = new List<Alteration>(2);
            _byKey[key] = list;
        }

        list.Add(alteration);
    }
}
