using System.Security.Claims;
using Jtai.Inspectorate.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Inspectorate.Retention;

public sealed record RetentionPolicyView(int PeriodMonths, IReadOnlyCollection<string> Trigger, string? RemoveNamesAt, TimeSpan PollInterval);

public sealed record LegalHoldView(Guid HoldId, Guid InspectionId, string Reason, DateTimeOffset PlacedAt, DateTimeOffset? ReleasedAt);

public sealed record PurgeLogView(DateOnly Day, DateTimeOffset RanAt, int InspectionsPurged, int InspectionsHeld, IReadOnlyDictionary<string, int> Deleted);

public sealed record RetentionView(string Inspectorate, RetentionPolicyView Policy, IReadOnlyList<LegalHoldView> ActiveHolds, IReadOnlyList<PurgeLogView> PurgeLog);

public static class RetentionApi
{
    /// <summary>The inspectorate's managers see its retention policy, active legal holds and purge log (counts only).</summary>
    public static RouteGroupBuilder MapRetentionApi(this IEndpointRouteBuilder app, string inspectorate)
    {
        var group = app.MapGroup($"/api/{inspectorate}/retention")
            .RequireStanding(Rules.ManagersOf(inspectorate))
            .WithTags("Retention");
        group.MapGet("/", (InspectorateDbContext db, IOptions<RetentionOptions> options, int? days, CancellationToken ct) =>
            Get(inspectorate, db, options.Value, days ?? 90, ct));
        return group;
    }

    private static async Task<Ok<RetentionView>> Get(
        string inspectorate, InspectorateDbContext db, RetentionOptions options, int days, CancellationToken ct)
    {
        var holds = await db.Set<LegalHold>().AsNoTracking().Where(h => h.ReleasedAt == null).OrderBy(h => h.PlacedAt)
            .Select(h => new LegalHoldView(h.HoldId, h.InspectionId, h.Reason, h.PlacedAt, h.ReleasedAt)).ToListAsync(ct);
        var log = await db.Set<PurgeLogEntry>().AsNoTracking().OrderByDescending(p => p.Day).Take(Math.Clamp(days, 1, 3660)).ToListAsync(ct);
        return TypedResults.Ok(new RetentionView(inspectorate,
            new RetentionPolicyView(options.PeriodMonths, options.TriggerStages, options.RemoveNamesAt, options.PollInterval),
            holds, log.Select(p => new PurgeLogView(p.Day, p.RanAt, p.InspectionsPurged, p.InspectionsHeld, p.Deleted)).ToList()));
    }
}
