namespace Jtai.Ofsted.CaseSelection;

/// <summary>How a set of children spreads over each dimension of ¶97: dimension → value → how many.</summary>
public sealed record Balance(int Children, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Dimensions);

/// <summary>
/// Proposes a sample balanced across the dimensions of ¶97. Greedily, each next child is the one
/// whose values are furthest below an even share so far: the count of each of its values, scaled
/// by how many values that dimension has in the lists (an even share of 30 over 2 sexes is 15, over
/// 8 ethnic groups under 4), summed over the dimensions. So every value present gets its turn
/// before any is repeated, and no dimension is balanced at the others' expense. Deterministic:
/// ties go by a stable hash of the child's id, not by the order of the lists.
/// </summary>
public static class BalancedSample
{
    public static List<ChildProfile> Propose(IReadOnlyList<ChildProfile> children, int size, DateOnly today)
    {
        var values = children.ToDictionary(c => c, c => c.DimensionValues(today));
        var counts = ChildProfile.Dimensions.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var kinds = Enumerable.Range(0, ChildProfile.Dimensions.Length)
            .Select(d => values.Values.Select(v => v[d]).Distinct(StringComparer.Ordinal).Count()).ToArray();
        var remaining = children.OrderBy(c => StableHash(c.ChildId)).ThenBy(c => c.ChildId, StringComparer.Ordinal).ToList();
        var chosen = new List<ChildProfile>(size);
        while (chosen.Count < size && remaining.Count > 0)
        {
            ChildProfile? best = null;
            var bestScore = long.MaxValue;
            foreach (var child in remaining)
            {
                var v = values[child];
                var score = 0L;
                for (var d = 0; d < v.Length; d++) score += (long)counts[d].GetValueOrDefault(v[d]) * kinds[d];
                if (score < bestScore) { best = child; bestScore = score; }
            }
            chosen.Add(best!);
            remaining.Remove(best!);
            var bv = values[best!];
            for (var d = 0; d < bv.Length; d++) counts[d][bv[d]] = counts[d].GetValueOrDefault(bv[d]) + 1;
        }
        return chosen;
    }

    public static Balance Of(IEnumerable<ChildProfile> children, DateOnly today)
    {
        var list = children.ToList();
        var dimensions = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        for (var d = 0; d < ChildProfile.Dimensions.Length; d++)
        {
            dimensions[ChildProfile.Dimensions[d]] = list.Select(c => c.DimensionValues(today)[d])
                .GroupBy(v => v, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        }
        return new Balance(list.Count, dimensions);
    }

    // FNV-1a: string.GetHashCode differs per process, and a proposal must not.
    private static uint StableHash(string s)
    {
        var hash = 2166136261u;
        foreach (var ch in s) { hash ^= ch; hash *= 16777619u; }
        return hash;
    }
}
