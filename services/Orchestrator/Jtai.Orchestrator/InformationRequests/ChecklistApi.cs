using System.Security.Claims;
using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.Contracts.InformationRequests;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.InformationRequests;

public static class ChecklistStatus
{
    public const string Awaited = "awaited";
    public const string Overdue = "overdue";
    public const string OnTime = "on-time";
    public const string Late = "late";
}

public sealed record DeliveryView(string Agency, DateTimeOffset FirstReceivedAt, DateTimeOffset LastReceivedAt, string LastReceivedBy,
    int Version, bool OnTime, string Summary);
public sealed record ChecklistItemView(string Key, string Title, string Paragraph, IReadOnlyList<string> ProvidedBy, string Milestone,
    DateTimeOffset DueAt, string Status, List<DeliveryView> Deliveries, PeriodView? Period);

/// <summary>
/// The period an item covers for this inspection (Annex A, ¶8): its kind (months-before-notification, most-recent, in-force), the
/// words, the months or count, and the dates counted back from the inspection's notification day (a start only for a span of months).
/// </summary>
public sealed record PeriodView(string Kind, string Text, int? Months, int? Count, DateOnly? From, DateOnly To, string Guidance)
{
    public static PeriodView For(AnnexAPeriod period, DateOnly notifiedOn)
    {
        var (from, to) = period.Window(notifiedOn);
        return new(period.Kind, period.Text, period.Months, period.Count, from, to, period.Guidance);
    }
}
public sealed record ChecklistView(Guid InspectionId, DateOnly FieldworkStart, DateTimeOffset At, List<ChecklistItemView> Items);

/// <summary>
/// The information-request checklist of an inspection (Annex A ¶91): each item, its deadline from
/// the inspection's timeline (Jtai.Calendar), what arrived, from whom and when, on time or late. Status is judged against the
/// injected clock at read time, so an item becomes overdue the moment its deadline passes.
/// Inspectorate staff see every item; a partner agency only its own area's, and only the items asked of it.
/// </summary>
public static class ChecklistApi
{
    public static IEndpointRouteBuilder MapInformationRequests(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orchestrator/inspections/{inspectionId:guid}/information-requests", Get)
            .RequireStanding(Rules.StaffOnInspection.Or(Rules.PartnersOfArea, "staff-or-partners-of-area"))
            .WithTags("Information requests");
        return app;
    }

    private static async Task<Results<Ok<ChecklistView>, NotFound>> Get(
        Guid inspectionId, Standing standing, OrchestratorDbContext db, TimeProvider clock, FrameworkCatalog frameworks,
        TimelineCalculator timelines, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null) return TypedResults.NotFound();

        // A partner sees the items asked of its agency, and its own deliveries.
        var agency = standing.IsStaff ? null : standing.Agency;
        var received = await db.Set<InformationReceived>().AsNoTracking()
            .Where(r => r.InspectionId == inspectionId && (agency == null || r.Agency == agency))
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        var timeline = InformationDeadlines.TimelineOf(inspection.Theme, inspection.FieldworkStart, frameworks, timelines);
        var notifiedOn = timeline[MilestoneKeys.Notification].Date;
        var items = AnnexAItems.All
            .Where(item => agency is null || item.ProvidedBy.Contains(agency))
            .Select(item =>
            {
                var due = timeline[item.Due].DueAt;
                var deliveries = received.Where(r => r.ItemKey == item.Key).OrderBy(r => r.FirstReceivedAt)
                    .Select(r => new DeliveryView(r.Agency, r.FirstReceivedAt, r.LastReceivedAt, r.LastReceivedBy, r.Version, r.FirstReceivedAt <= due, r.Summary))
                    .ToList();
                var status = deliveries.Count > 0
                    ? deliveries[0].OnTime ? ChecklistStatus.OnTime : ChecklistStatus.Late
                    : now > due ? ChecklistStatus.Overdue : ChecklistStatus.Awaited;
                return new ChecklistItemView(item.Key, item.Title, item.Paragraph, item.ProvidedBy, item.Due, due, status, deliveries,
                    item.Period is { } period ? PeriodView.For(period, notifiedOn) : null);
            })
            .ToList();
        return TypedResults.Ok(new ChecklistView(inspection.Id, inspection.FieldworkStart, now, items));
    }
}

public static class InformationRequestsSetup
{
    public static void AddInformationRequestConsumers(this MassTransit.IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<InformationItemReceivedConsumer>();
}
