using Jtai.Calendar.Frameworks;
using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Inspections;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Lifecycle;

public sealed record TransitionRequest(string? To, string? Reason);

public static class LifecycleApi
{
    public static WebApplicationBuilder AddLifecycle(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Transitions>();
        builder.Services.AddScoped<Timeline.InspectionTimelines>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLifecycleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}").WithTags("Lifecycle");
        group.MapPost("/transitions", Move).RequireStanding(Rules.OfstedLeadOrManagers);
        group.MapGet("/transitions", History).RequireStanding(Rules.SeesInspection);
        return app;
    }

    private static async Task<Results<Ok<InspectionView>, NotFound, ValidationProblem>> Move(
        Guid inspectionId, TransitionRequest request, ClaimsPrincipal user, Transitions transitions, FrameworkCatalog frameworks, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.To, "to") && errors.OneOf(request.To, Stages.All, "to") && Stages.DeferralOnly.Contains(request.To))
            errors.Add("to", $"'{request.To}' is reached through the deferral endpoints (/deferral-requests), which record the request and the decision.");
        errors.MaxLength(request.Reason, 2000, "reason");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var moved = await transitions.Move(inspectionId, request.To!, user.Id(), request.Reason?.Trim(), null, ct);
        return moved is null ? TypedResults.NotFound() : TypedResults.Ok(InspectionView.From(moved, frameworks));
    }

    private static async Task<Ok<List<InspectionTransitionView>>> History(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        var history = await db.Set<InspectionTransition>().AsNoTracking()
            .Where(t => t.InspectionId == inspectionId).OrderBy(t => t.Id).ToListAsync(ct);
        return TypedResults.Ok(history.Select(InspectionTransitionView.Of).ToList());
    }
}
