using System.Text.RegularExpressions;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.ServiceDefaults.Criteria;

/// <summary>
/// The evaluation criteria (EC numbers) of the framework an inspection is inspected under. Every
/// evidence record, evaluative summary and finding cites them, so each service validates against
/// the same source. The versioned frameworks (Jtai.Calendar) replace the default implementation.
/// </summary>
public interface IEvaluationCriteria
{
    /// <summary>The criteria valid for an inspection of this theme starting fieldwork on that day.</summary>
    IReadOnlySet<string> For(string theme, DateOnly fieldworkStart);
}

/// <summary>
/// Assumption until the framework data is wired in: every theme uses the front-door criteria EC1–EC22 (¶9).
/// </summary>
public sealed class FrontDoorCriteria : IEvaluationCriteria
{
    private static readonly IReadOnlySet<string> All = Enumerable.Range(1, 22).Select(n => $"EC{n}").ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> For(string theme, DateOnly fieldworkStart) => All;
}

public static partial class CriteriaValidation
{
    [GeneratedRegex(@"^\s*EC\s*0*([0-9]{1,3})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EcNumber();

    /// <summary>
    /// Normalises "ec7" / "EC 07" to "EC7", names each unknown entry by its index, and refuses an
    /// empty list when <paramref name="required"/>. Returns the distinct normalised criteria in order given.
    /// </summary>
    public static List<string> Validate(this RequestErrors errors, IReadOnlyList<string?>? values, IReadOnlySet<string> valid,
        string field, bool required)
    {
        var result = new List<string>();
        if (values is null || values.Count == 0)
        {
            if (required) errors.Add(field, $"'{field}' must cite at least one evaluation criterion (e.g. EC3).");
            return result;
        }
        for (var i = 0; i < values.Count; i++)
        {
            var match = values[i] is { } v ? EcNumber().Match(v) : Match.Empty;
            var normalised = match.Success ? $"EC{int.Parse(match.Groups[1].Value)}" : null;
            if (normalised is null || !valid.Contains(normalised))
                errors.Add($"{field}[{i}]", $"'{values[i]}' is not an evaluation criterion of this inspection's framework ({valid.Count} criteria, e.g. EC1).");
            else if (!result.Contains(normalised)) result.Add(normalised);
        }
        return result;
    }
}
