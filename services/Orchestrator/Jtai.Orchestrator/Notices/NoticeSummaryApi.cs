using Jtai.Orchestrator.Inspections;
using Jtai.Calendar.Frameworks;
using Jtai.Contracts.Events;
using Jtai.Messaging.Inbox;
using Jtai.Calendar.Timeline;
using Jtai.Notices;
using Jtai.Notices.Delivery;
using Jtai.Orchestrator.Lifecycle;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults.Security;
using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Notices;

/// <summary>Keeps the notice summary from every service's delivery events.</summary>
public sealed class NoticeDeliveryChangedConsumer(OrchestratorDbContext db, FrameworkCatalog frameworks, ILogger<NoticeDeliveryChangedConsumer> logger)
    : InboxConsumer<NoticeDeliveryChanged>(db, logger)
{
    protected override async Task Handle(NoticeDeliveryChanged message, ConsumeContext<NoticeDeliveryChanged> context)
    {
        var row = await db.Set<NoticeSummary>().FindAsync([message.DeliveryId], context.CancellationToken);
        if (row is null)
        {
            db.Add(row = new NoticeSummary
            {
                DeliveryId = message.DeliveryId, InspectionId = message.InspectionId, Service = message.Service, Notice = message.Notice,
                Regarding = message.Regarding, RecipientRole = message.RecipientRole, RecipientAddress = message.RecipientAddress,
                State = "", QueuedAt = message.At,
            });
        }
        row.Apply(message);
        if (message.Notice == NoticeKinds.InspectionNotification && message.State == DeliveryStates.Sent)
            await NotificationMilestone.MeetWhenDelivered(db, frameworks, message.InspectionId, context.CancellationToken);
    }
}

/// <summary>
/// The inspection is notified (¶16) when each participating inspectorate's notices of it have reached its leaders, not
/// when the lifecycle says so: the milestone is met at the last delivery since the latest move to notified.
/// </summary>
internal static class NotificationMilestone
{
    public const string MetBy = "notices-delivered";

    public static async Task MeetWhenDelivered(OrchestratorDbContext db, FrameworkCatalog frameworks, Guid inspectionId, CancellationToken ct)
    {
        // Deliveries of one inspection are consumed concurrently: without this lock each transaction would
        // see only its own delivery uncommitted and none would find all three sent. Saved after the lock,
        // inside the consumer's transaction, so the query below sees this delivery and every earlier one.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM inspections WHERE id = {inspectionId} FOR UPDATE", ct);
        await db.SaveChangesAsync(ct);
        var notifiedAt = await db.Set<InspectionTransition>().Where(t => t.InspectionId == inspectionId && t.To == Stages.Notified)
            .MaxAsync(t => (DateTimeOffset?)t.At, ct);
        if (notifiedAt is null) return;
        var byService = await db.Set<NoticeSummary>()
            .Where(s => s.InspectionId == inspectionId && s.Notice == NoticeKinds.InspectionNotification && s.QueuedAt >= notifiedAt)
            .GroupBy(s => s.Service)
            .Select(g => new { Service = g.Key, AllSent = g.All(s => s.State == DeliveryStates.Sent), Last = g.Max(s => s.SentAt) })
            .ToListAsync(ct);
        // Each inspectorate taking part notifies (an Ofsted-only inspection: Ofsted alone).
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, ct);
        if (!frameworks.TakingPart(inspection).All(i => byService.Any(s => s.Service == i && s.AllSent))) return;
        var milestone = await db.Set<InspectionMilestone>()
            .SingleOrDefaultAsync(m => m.InspectionId == inspectionId && m.Key == MilestoneKeys.Notification, ct);
        if (milestone is null || milestone.MetAt is not null) return;
        milestone.MetAt = byService.Max(s => s.Last);
        milestone.MetBy = MetBy;
    }
}

/// <summary>What was sent to whom for an inspection (inspectorate staff), and every failed delivery (operations).</summary>
public static class NoticeSummaryApi
{
    public static IBusRegistrationConfigurator AddNoticeSummaryConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<NoticeDeliveryChangedConsumer>();
        return bus;
    }

    public static IEndpointRouteBuilder MapNoticeSummaryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orchestrator/inspections/{inspectionId:guid}/notices", ForInspection)
            .RequireStanding(Rules.StaffOnInspection).WithTags("Notices");
        app.MapGet("/api/orchestrator/operations/notices", ForOperations)
            .RequireStanding(Rules.Operations).WithTags("Operations");
        return app;
    }

    private static async Task<Results<Ok<List<NoticeSummaryView>>, NotFound>> ForInspection(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (!await db.Inspections.AnyAsync(i => i.Id == inspectionId, ct)) return TypedResults.NotFound();
        var rows = await db.Set<NoticeSummary>().AsNoTracking().Where(s => s.InspectionId == inspectionId)
            .OrderBy(s => s.QueuedAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(NoticeSummaryView.From).ToList());
    }

    /// <summary>
    /// Deliveries in one state across inspections (default: failed), newest first, a page at a time
    /// (<c>?limit=&amp;after=</c>; keyset on the last change and the delivery).
    /// </summary>
    private static async Task<Results<Ok<Page<NoticeSummaryView>>, ValidationProblem>> ForOperations(
        string? state, [AsParameters] PageQuery page, OrchestratorDbContext db, CancellationToken ct)
    {
        state ??= DeliveryStates.Failed;
        var problems = page.Problems<InstantCursor>() ?? new();
        if (!DeliveryStates.All.Contains(state)) problems["state"] = [$"'state' must be one of {string.Join(", ", DeliveryStates.All)}."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        var rows = db.Set<NoticeSummary>().AsNoTracking().Where(s => s.State == state);
        if (page.AfterAs<InstantCursor>() is { } after)
            rows = rows.Where(s => EF.Functions.LessThan(ValueTuple.Create(s.UpdatedAt, s.DeliveryId), ValueTuple.Create(after.At, after.Id)));
        var found = await rows.OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.DeliveryId).Take(page.Size + 1).ToListAsync(ct);
        var paged = page.PageOf(found, s => new InstantCursor(s.UpdatedAt, s.DeliveryId));
        return TypedResults.Ok(new Page<NoticeSummaryView>(paged.Items.Select(NoticeSummaryView.From).ToList(), paged.Next));
    }
}
