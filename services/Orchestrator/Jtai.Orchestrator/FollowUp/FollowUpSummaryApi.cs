using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Security;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.FollowUp;

public sealed record JointFollowUpView(Guid InspectionId, IReadOnlyList<FollowUpSummaryView> FollowUps);

/// <summary>The joint follow-up of an inspection's priority actions, for inspectorate staff of all three.</summary>
public static class FollowUpSummaryApi
{
    public static IBusRegistrationConfigurator AddFollowUpSummaryConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<FollowUpOpenedConsumer>();
        bus.AddConsumer<FollowUpAdvancedConsumer>();
        bus.AddConsumer<FollowUpDeadlineReachedConsumer>();
        return bus;
    }

    public static IEndpointRouteBuilder MapFollowUpSummaryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orchestrator/inspections/{inspectionId:guid}/follow-ups", Get)
            .RequireStanding(Rules.Staff)
            .WithTags("Follow-up");
        return app;
    }

    private static async Task<Results<Ok<JointFollowUpView>, NotFound>> Get(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        var rows = await db.Set<FollowUpSummary>().AsNoTracking()
            .Where(s => s.InspectionId == inspectionId)
            .OrderBy(s => s.Inspectorate).ThenBy(s => s.OpenedAt)
            .ToListAsync(ct);
        if (rows.Count == 0 && !await db.Inspections.AnyAsync(i => i.Id == inspectionId, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(new JointFollowUpView(inspectionId, rows.Select(FollowUpSummaryView.From).ToList()));
    }
}
