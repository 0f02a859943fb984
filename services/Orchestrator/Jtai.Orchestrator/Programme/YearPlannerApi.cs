using Jtai.Calendar.WorkingDays;
using Jtai.ServiceDefaults.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jtai.Orchestrator.Programme;

/// <summary>The year planner's read (the programme's weeks, bank holidays and each inspection's team).</summary>
public static class YearPlannerApi
{
    public static IEndpointRouteBuilder MapYearPlanner(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/orchestrator").WithTags("Programme").RequireStanding(Rules.Staff).MapGet("/planner", Get);
        return app;
    }

    public static async Task<Results<Ok<YearPlannerView>, ValidationProblem>> Get(int? year, YearPlanner planner, TimeProvider clock, CancellationToken ct)
    {
        var today = LondonTime.Today(clock);
        if (year is not { } y || y < today.Year - 5 || y > today.Year + 5)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["year"] = [$"'year' is required: a calendar year from {today.Year - 5} to {today.Year + 5}."],
            });
        return TypedResults.Ok(await planner.For(y, ct));
    }
}
