using System.Security.Claims;
using System.Text.RegularExpressions;
using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Messaging.Data;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jtai.Orchestrator.Inspections;

public sealed record ScheduleInspectionRequest(string? LocalAreaCode, string? LocalAreaName, string? Theme, DateOnly? FieldworkStart);

/// <summary>
/// Schedules a JTAI: the inspection, its timeline and its InspectionScheduled event commit together
/// (outbox), so the request never waits on the broker and the inspectorates always hear of it.
/// </summary>
public static partial class ScheduleInspection
{
    [GeneratedRegex("^[EW][0-9]{8}$")]
    private static partial Regex OnsAreaCode();

    public static async Task<Results<Created<InspectionView>, ValidationProblem>> Handle(
        ScheduleInspectionRequest request, ClaimsPrincipal user, OrchestratorDbContext db, IOutbox outbox, TimeProvider clock,
        FrameworkCatalog frameworks, TimelineCalculator calculator, InspectionTimelines timelines, CancellationToken ct)
    {
        var errors = Validate(request, clock, frameworks, calculator);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(ct);
        var inspection = await Stage(db, outbox, timelines, frameworks, request.LocalAreaCode!.Trim().ToUpperInvariant(),
            request.LocalAreaName!.Trim(), request.Theme!, request.FieldworkStart!.Value, user.Id(), clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        return TypedResults.Created($"/api/orchestrator/inspections/{inspection.Id}", InspectionView.From(inspection, frameworks));
    }

    /// <summary>
    /// A new inspection on its theme's latest framework version, staged on the DbContext with its
    /// InspectionScheduled event, and its timeline, written at once: the caller's transaction (open
    /// before this is called) commits them together after its SaveChanges.
    /// </summary>
    public static async Task<Inspection> Stage(OrchestratorDbContext db, IOutbox outbox, InspectionTimelines timelines, FrameworkCatalog frameworks,
        string localAreaCode, string localAreaName, string theme, DateOnly fieldworkStart, string by, DateTimeOffset at, CancellationToken ct)
    {
        var framework = frameworks.Latest(theme);
        var inspection = new Inspection
        {
            Id = Guid.NewGuid(),
            LocalAreaCode = localAreaCode,
            LocalAreaName = localAreaName,
            Theme = theme,
            FrameworkVersion = framework.Version,
            FieldworkStart = fieldworkStart,
            Status = "scheduled",
            ScheduledAt = at,
            ScheduledBy = by,
        };
        db.Inspections.Add(inspection);
        await timelines.Plan(inspection, ct);
        outbox.Publish(new InspectionScheduled(
            inspection.Id, inspection.LocalAreaCode, inspection.LocalAreaName, inspection.Theme,
            inspection.FieldworkStart, inspection.ScheduledAt, framework.Inspectorates));
        return inspection;
    }

    private static RequestErrors Validate(ScheduleInspectionRequest request, TimeProvider clock, FrameworkCatalog frameworks, TimelineCalculator calculator)
    {
        var errors = new RequestErrors();
        if (errors.Required(request.LocalAreaCode, "localAreaCode") && !OnsAreaCode().IsMatch(request.LocalAreaCode.Trim().ToUpperInvariant()))
            errors.Add("localAreaCode", "'localAreaCode' must be the local authority's ONS code, e.g. E08000025.");
        if (errors.Required(request.LocalAreaName, "localAreaName"))
            errors.MaxLength(request.LocalAreaName, 200, "localAreaName");
        if (errors.Required(request.Theme, "theme"))
            errors.OneOf(request.Theme, frameworks.Keys, "theme");
        if (errors.Required(request.FieldworkStart, "fieldworkStart"))
        {
            var today = LondonTime.Today(clock);
            if (request.FieldworkStart.Value <= today)
                errors.Add("fieldworkStart", "'fieldworkStart' must be in the future: the area is notified working days before fieldwork.");
            else if (calculator.FieldworkStartProblem(request.FieldworkStart.Value) is { } problem)
                errors.Add("fieldworkStart", problem);
            else if (request.Theme is not null && frameworks.TryGetLatest(request.Theme, out var framework)
                     && calculator.Calendar.AddWorkingDays(request.FieldworkStart.Value, -framework.NoticeWorkingDays) < today)
                errors.Add("fieldworkStart", $"'fieldworkStart' is too soon: the area must be notified {framework.NoticeWorkingDays} working days before fieldwork, which has passed.");
        }
        return errors;
    }
}
