using System.Globalization;
using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Frameworks;

public sealed record FrameworkSummary(string Key, int Version, string Name, DateOnly EffectiveFrom, int NoticeWorkingDays);

/// <summary>
/// The frameworks (themes) and planning without an inspection: the whole timeline for a
/// fieldwork start, so a lead inspector can see every date before scheduling.
/// </summary>
public static class FrameworksApi
{
    public static IEndpointRouteBuilder MapFrameworksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/frameworks").WithTags("Frameworks").RequireStanding(Rules.Staff);
        group.MapGet("/", List);
        group.MapGet("/{framework}", Get);
        group.MapGet("/{framework}/timeline", Timeline);
        return app;
    }

    private static Ok<List<FrameworkSummary>> List(FrameworkCatalog frameworks) =>
        TypedResults.Ok(frameworks.All.OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Version)
            .Select(f => new FrameworkSummary(f.Key, f.Version, f.Name, f.EffectiveFrom, f.NoticeWorkingDays)).ToList());

    private static Results<Ok<Framework>, ValidationProblem> Get(string framework, int? version, FrameworkCatalog frameworks)
    {
        var errors = new RequestErrors();
        var found = Find(framework, version, frameworks, errors);
        return found is null ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(found);
    }

    /// <summary>GET .../timeline?fieldworkStart=2027-09-20[&amp;version=1]: the date is read here so a bad one is a 400 naming the field.</summary>
    private static Results<Ok<InspectionTimeline>, ValidationProblem> Timeline(
        string framework, string? fieldworkStart, int? version, FrameworkCatalog frameworks, TimelineCalculator calculator)
    {
        var errors = new RequestErrors();
        var found = Find(framework, version, frameworks, errors);
        DateOnly start = default;
        if (errors.Required(fieldworkStart, "fieldworkStart"))
        {
            if (!DateOnly.TryParseExact(fieldworkStart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
                errors.Add("fieldworkStart", $"'fieldworkStart' must be a date as YYYY-MM-DD, not '{fieldworkStart}'.");
            else if (start.Year is < 2000 or > 2100)
                errors.Add("fieldworkStart", "'fieldworkStart' must fall between 2000 and 2100.");
            else if (calculator.FieldworkStartProblem(start) is { } problem)
                errors.Add("fieldworkStart", problem);
        }
        if (errors.Any || found is null) return TypedResults.ValidationProblem(errors.ToDictionary());
        return TypedResults.Ok(calculator.Calculate(found, start));
    }

    private static Framework? Find(string key, int? version, FrameworkCatalog frameworks, RequestErrors errors)
    {
        if (!frameworks.TryGetLatest(key, out var latest))
        {
            errors.Add("framework", $"There is no framework '{key}'. Frameworks: {string.Join(", ", frameworks.Keys)}.");
            return null;
        }
        if (version is null) return latest;
        if (frameworks.TryGet(key, version.Value, out var pinned)) return pinned;
        errors.Add("version", $"Framework '{key}' has no version {version}; the latest is {latest.Version}.");
        return null;
    }
}
