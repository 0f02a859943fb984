using Jtai.Inspectorate.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;

namespace Jtai.Inspectorate.Retention;

public sealed record RetentionPolicyView(int PeriodMonths, IReadOnlyCollection<string> Trigger, string? RemoveNamesAt, TimeSpan PollInterval);

public sealed record LegalHoldView(Guid HoldId, Guid InspectionId, string Reason, DateTimeOffset PlacedAt, DateTimeOffset? ReleasedAt);

public sealed record PurgeLogView(DateOnly Day, DateTimeOffset RanAt, int InspectionsPurged, int InspectionsHeld, IReadOnlyDictionary<string, int> Deleted);

public sealed record RetentionView(string Inspectorate, RetentionPolicyView Policy);

public static class RetentionApi
{
    /// <summary>
    /// The inspectorate's managers see its retention policy, its active legal holds and its purge log (counts only). Holds grow with
    /// the inspections held and the log by a day at a time, so each is a list of its own, paged (<c>?limit=&amp;after=</c>).
    /// </summary>
    public static RouteGroupBuilder MapRetentionApi(this IEndpointRouteBuilder app, string inspectorate)
    {
        var group = app.MapGroup($"/api/{inspectorate}/retention")
            .RequireStanding(Rules.ManagersOf(inspectorate))
            .WithTags("Retention");
        group.MapGet("/", (IOptions<RetentionOptions> options) => TypedResults.Ok(new RetentionView(inspectorate,
            new RetentionPolicyView(options.Value.PeriodMonths, options.Value.TriggerStages, options.Value.RemoveNamesAt, options.Value.PollInterval))));
        group.MapGet("/legal-holds", LegalHolds);
        group.MapGet("/purge-log", PurgeLog);
        return group;
    }

    /// <summary>Unreleased holds, oldest placed first (keyset on when placed and the hold).</summary>
    private static async Task<Results<Ok<Page<LegalHoldView>>, ValidationProblem>> LegalHolds(
        [AsParameters] PageQuery page, InspectorateDbContext db, CancellationToken ct)
    {
        if (page.Problems<InstantCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var holds = db.Set<LegalHold>().AsNoTracking().Where(h => h.ReleasedAt == null);
        if (page.AfterAs<InstantCursor>() is { } after)
            holds = holds.Where(h => EF.Functions.GreaterThan(ValueTuple.Create(h.PlacedAt, h.HoldId), ValueTuple.Create(after.At, after.Id)));
        var rows = await holds.OrderBy(h => h.PlacedAt).ThenBy(h => h.HoldId).Take(page.Size + 1)
            .Select(h => new LegalHoldView(h.HoldId, h.InspectionId, h.Reason, h.PlacedAt, h.ReleasedAt)).ToListAsync(ct);
        return TypedResults.Ok(page.PageOf(rows, h => new InstantCursor(h.PlacedAt, h.HoldId)));
    }

    /// <summary>One entry a day, the latest first (keyset on the day, unique in the log).</summary>
    private static async Task<Results<Ok<Page<PurgeLogView>>, ValidationProblem>> PurgeLog(
        [AsParameters] PageQuery page, InspectorateDbContext db, CancellationToken ct)
    {
        if (page.Problems<SequenceCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var log = db.Set<PurgeLogEntry>().AsNoTracking();
        if (page.AfterAs<SequenceCursor>() is { } after)
        {
            // A cursor names a day by its number; one outside the calendar is read as its nearest end.
            var day = DateOnly.FromDayNumber((int)Math.Clamp(after.Position, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
            log = log.Where(p => p.Day < day);
        }
        var rows = await log.OrderByDescending(p => p.Day).Take(page.Size + 1).ToListAsync(ct);
        var shown = page.PageOf(rows, p => new SequenceCursor(p.Day.DayNumber));
        return TypedResults.Ok(new Page<PurgeLogView>(
            shown.Items.Select(p => new PurgeLogView(p.Day, p.RanAt, p.InspectionsPurged, p.InspectionsHeld, p.Deleted)).ToList(), shown.Next));
    }
}
