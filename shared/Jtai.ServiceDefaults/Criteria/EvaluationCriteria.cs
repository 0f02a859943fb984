using System.Text.RegularExpressions;
using Jtai.Calendar.Frameworks;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.ServiceDefaults.Criteria;

/// <summary>
/// The evaluation criteria (EC numbers) of the framework an inspection is inspected under. Every
/// evidence record, evaluative summary and finding cites them, so each service validates against
/// the same source: the versioned frameworks of Jtai.Calendar.
/// </summary>
public interface IEvaluationCriteria
{
    /// <summary>The criteria valid for an inspection of this theme starting fieldwork on that day.</summary>
    IReadOnlySet<string> For(string theme, DateOnly fieldworkStart);

    /// <summary>The theme's focus areas (FA1…) in the framework version in force: the prompts evidence answers and the letter's sections.</summary>
    IReadOnlyList<FocusArea> FocusAreas(string theme, DateOnly fieldworkStart);
}

/// <summary>
/// The criteria of the framework version in force for the inspection's theme on its fieldwork start
/// (the latest version effective by then; the earliest if it predates them all). A framework whose
/// data carries no criteria yet (the guidance held lists them only for the front door) uses the
/// front-door EC1–EC22: an assumption to confirm with the inspectorates.
/// </summary>
public sealed class FrameworkCriteria(FrameworkCatalog catalog) : IEvaluationCriteria
{
    public const string FallbackTheme = "front-door";

    public IReadOnlySet<string> For(string theme, DateOnly fieldworkStart)
    {
        var codes = Codes(theme, fieldworkStart);
        return codes.Count > 0 ? codes : Codes(FallbackTheme, fieldworkStart);
    }

    public IReadOnlyList<FocusArea> FocusAreas(string theme, DateOnly fieldworkStart) => InForce(theme, fieldworkStart)?.FocusAreaPrompts ?? [];

    private HashSet<string> Codes(string theme, DateOnly fieldworkStart) =>
        InForce(theme, fieldworkStart)?.EvaluationCriteria.Select(c => c.Code).ToHashSet(StringComparer.Ordinal) ?? [];

    private Framework? InForce(string theme, DateOnly fieldworkStart)
    {
        var versions = catalog.All.Where(f => f.Key == theme).OrderBy(f => f.Version).ToList();
        return versions.LastOrDefault(f => f.EffectiveFrom <= fieldworkStart) ?? versions.FirstOrDefault();
    }
}

public static partial class CriteriaValidation
{
    [GeneratedRegex(@"^\s*EC\s*0*([0-9]{1,3})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EcNumber();

    [GeneratedRegex(@"^\s*FA\s*0*([0-9]{1,2})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FocusAreaNumber();

    /// <summary>
    /// The focus areas a record or finding addresses (optional): "fa2" / "FA 02" normalised to "FA2", each unknown one named by
    /// its index with the theme's focus areas listed, distinct in the order given.
    /// </summary>
    public static List<string> ValidateFocusAreas(this RequestErrors errors, IReadOnlyList<string?>? values, IReadOnlyList<FocusArea> valid, string field)
    {
        var result = new List<string>();
        if (values is null) return result;
        for (var i = 0; i < values.Count; i++)
        {
            var match = values[i] is { } v ? FocusAreaNumber().Match(v) : Match.Empty;
            var normalised = match.Success ? $"FA{int.Parse(match.Groups[1].Value)}" : null;
            if (normalised is null || valid.All(a => a.Code != normalised))
                errors.Add($"{field}[{i}]", $"'{values[i]}' is not a focus area of this inspection's theme ({string.Join(", ", valid.Select(a => a.Code))}).");
            else if (!result.Contains(normalised)) result.Add(normalised);
        }
        return result;
    }

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
