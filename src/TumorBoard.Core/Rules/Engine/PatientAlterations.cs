using TumorBoard.Core.Alterations;
using TumorBoard.Core.Rules.Matchers;

namespace TumorBoard.Core.Rules.Engine;

/// <summary>
/// The patient's interpretable alterations filed by index key, keeping only keys some rule looks at, so
/// the work grows with the patient's alterations and not with the size of the knowledge base.
/// </summary>
internal sealed class PatientAlterations
{
    private readonly Dictionary<string, List<Alteration>> _byKey = new(StringComparer.Ordinal);

    public PatientAlterations(IReadOnlyList<Alteration> alterations, IReadOnlySet<string> referencedKeys)
    {
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
                    File(IndexKeys.Tmb, alteration, referencedKeys);
                    continue;
                case AlterationKind.Msi:
                    File(IndexKeys.Msi, alteration, referencedKeys);
                    continue;
            }

            File(alteration.Gene, alteration, referencedKeys);
            if (alteration.FusionGenes is { } partners)
            {
                foreach (var partner in partners)
                {
                    if (!string.Equals(partner, alteration.Gene, StringComparison.Ordinal))
                    {
                        File(partner, alteration, referencedKeys);
                    }
                }
            }
        }
    }

    public IEnumerable<string> Keys => _byKey.Keys;

    public IReadOnlyList<Alteration> For(string key) => _byKey.TryGetValue(key, out var list) ? list : [];

    private void File(string key, Alteration alteration, IReadOnlySet<string> referencedKeys)
    {
        if (string.IsNullOrEmpty(key) || !referencedKeys.Contains(key))
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
