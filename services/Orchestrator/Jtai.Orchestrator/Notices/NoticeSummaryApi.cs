using Jtai.Contracts.Events;
using Jtai.Messaging.Inbox;
using Jtai.Notices.Delivery;
using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Access;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Notices;

/// <summary>Keeps the notice summary from every service's delivery events.</summary>
public sealed class NoticeDeliveryChangedConsumer(OrchestratorDbContext db, ILogger<NoticeDeliveryChangedConsumer> logger)
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

    /// <summary>Deliveries in one state across inspections (default: failed), newest first.</summary>
    private static async Task<Results<Ok<List<NoticeSummaryView>>, ValidationProblem>> ForOperations(string? state, OrchestratorDbContext db, CancellationToken ct)
    {
        state ??= DeliveryStates.Failed;
        if (!DeliveryStates.All.Contains(state))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [$"'state' must be one of {string.Join(", ", DeliveryStates.All)}."] });
        var rows = await db.Set<NoticeSummary>().AsNoTracking().Where(s => s.State == state)
            .OrderByDescending(s => s.UpdatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(NoticeSummaryView.From).ToList());
    }
}
