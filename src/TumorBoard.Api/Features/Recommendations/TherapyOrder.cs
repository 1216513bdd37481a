using TumorBoard.Api.ReadModels;
namespace TumorBoard.Api.Features.Recommendations;

/// <summary>
/// Orders therapy findings the way a board reads them: findings from the sample that governs now first
/// (emergent ones, then the rest of the governing sample, then primary-only findings), then by level (R1 right
/// after Level 1, R2 after Level 2), then sensitivity before resistance. A sensitivity claim that this patient's
/// own resistance evidence speaks against (acquired resistance, a conflict) is never shown above it: it is
/// listed right after the first resistance finding it is resisted by. Pure: same input, same order.
/// </summary>
internal static class TherapyOrder
{
    /// <param name="Therapy">The finding.</param>
    /// <param name="Group">0 emergent in the governing sample, 1 elsewhere in the governing sample, 2 primary only, 3 unknown.</param>
    /// <param name="LevelRank">The level's display rank.</param>
    /// <param name="ResistedBy">For a sensitive finding: indexes (into the input) of the resistance findings that speak against it.</param>
    /// <param name="CuratedOrder">The rule's position in the knowledge base: curators list a rule's preferred therapy first (osimertinib before erlotinib).</param>
    public sealed record Item(TherapyRecommendationDto Therapy, int Group, int LevelRank, IReadOnlyList<int> ResistedBy, int CuratedOrder);

    public static List<TherapyRecommendationDto> Apply(IReadOnlyList<Item> items)
    {
        var order = Enumerable.Range(0, items.Count)
            .OrderBy(i => items[i].Group)
            .ThenBy(i => items[i].LevelRank)
            .ThenBy(i => items[i].Therapy.Effect == "resistant" ? 1 : 0)
            .ThenBy(i => items[i].CuratedOrder)
            .ThenBy(i => items[i].Therapy.RuleId, StringComparer.Ordinal)
            .ThenBy(i => items[i].Therapy.AlterationKey, StringComparer.Ordinal)
            .ThenBy(i => i)
            .ToList();
        var position = new int[items.Count];
        for (var p = 0; p < order.Count; p++)
        {
            position[order[p]] = p;
        }

        // Each resisted sensitivity claim hangs under the first (in display order) resistance finding against it.
        var anchorOf = new int?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var anchors = items[i].ResistedBy.Where(r => r != i && items[r].ResistedBy.Count == 0).ToList();
            if (anchors.Count > 0)
            {
                anchorOf[i] = anchors.MinBy(r => position[r]);
            }
        }

        var result = new List<TherapyRecommendationDto>(items.Count);
        foreach (var i in order.Where(i => anchorOf[i] is null))
        {
            result.Add(items[i].Therapy);
            result.AddRange(order.Where(j => anchorOf[j] == i).Select(j => items[j].Therapy));
        }

        return result;
    }
}
