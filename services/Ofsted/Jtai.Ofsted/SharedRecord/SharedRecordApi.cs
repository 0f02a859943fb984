using System.Security.Claims;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Evidence;
using Jtai.Inspectorate.Retention;
using Jtai.Inspectorate.Team;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Criteria;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;

namespace Jtai.Ofsted.SharedRecord;

/// <summary>
/// The shared evidence record: any team member of any inspectorate reads and writes it (CQC and
/// HMICFRS staff reach it through the gateway's shared-record route); this service checks the team.
/// </summary>
public static class SharedRecordApi
{
    public static WebApplicationBuilder AddSharedRecord(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IPurgeTarget, SharedRecordPurgeTarget>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSharedRecord(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ofsted/shared-record/inspections/{inspectionId:guid}/entries")
            .RequireStanding(Rules.Team)
            .WithTags("Shared evidence record");
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapGet("/{entryId:guid}", Get);
        app.MapGrpcService<SharedRecordLookupService>().RequireStanding(Rules.PlatformService);
        return app;
    }

    /// <summary>The record's entries (<c>?kind=</c>: of one kind) in the order written, a page at a time (<c>?limit=&amp;after=</c>; keyset on
    /// when written and the id): the team adds to it through the fieldwork.</summary>
    private static async Task<Results<Ok<Page<SharedEntryView>>, ValidationProblem>> List(
        Guid inspectionId, string? kind, [AsParameters] PageQuery page, OfstedDbContext db, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (kind is not null) errors.OneOf(kind, SharedEntryKinds.All, "kind");
        if (page.Problems<InstantCursor>() is { } problems)
            foreach (var (field, messages) in problems) errors.Add(field, messages[0]);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var entries = db.Set<SharedEntry>().AsNoTracking().Where(s => s.InspectionId == inspectionId && (kind == null || s.Kind == kind));
        if (page.AfterAs<InstantCursor>() is { } after)
            entries = entries.Where(s => EF.Functions.GreaterThan(ValueTuple.Create(s.CreatedAt, s.Id), ValueTuple.Create(after.At, after.Id)));
        var rows = await entries.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Take(page.Size + 1).ToListAsync(ct);
        var shown = page.PageOf(rows, s => new InstantCursor(s.CreatedAt, s.Id));
        return TypedResults.Ok(new Page<SharedEntryView>(shown.Items.Select(SharedEntryView.From).ToList(), shown.Next));
    }

    private static async Task<Results<Ok<SharedEntryView>, NotFound>> Get(
        Guid inspectionId, Guid entryId, ClaimsPrincipal user, OfstedDbContext db, CancellationToken ct)
    {
        return await db.Set<SharedEntry>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == entryId && s.InspectionId == inspectionId, ct) is { } entry
            ? TypedResults.Ok(SharedEntryView.From(entry))
            : TypedResults.NotFound();
    }

    private static async Task<Results<Created<SharedEntryView>, ValidationProblem, NotFound>> Create(
        Guid inspectionId, SharedEntryRequest request, ClaimsPrincipal user, OfstedDbContext db, IEvaluationCriteria criteria,
        TimeProvider clock, CancellationToken ct)
    {
        if (await db.Inspections.FindAsync([inspectionId], ct) is not { } inspection) return TypedResults.NotFound();

        var errors = new RequestErrors();
        var now = clock.GetUtcNow();
        var isSummary = request.Kind == SharedEntryKinds.EvaluativeSummary;
        if (errors.Required(request.Kind, "kind")) errors.OneOf(request.Kind, SharedEntryKinds.All, "kind");
        if (errors.Required(request.Text, "text") && errors.MaxLength(request.Text, 20_000, "text"))
            foreach (var name in Names.UnexplainedNamesIn(request.Text, []))
                errors.Add("text", $"The text names '{name}': the shared record refers to people by case reference, initials or role (¶76).");
        var ecs = errors.Validate(request.Criteria, criteria.For(inspection.Theme, inspection.FieldworkStart), "criteria", required: isSummary);
        var agencies = new List<string>();
        for (var i = 0; i < (request.Agencies?.Count ?? 0); i++)
            if (errors.OneOf(request.Agencies![i], Agencies.All, $"agencies[{i}]") && !agencies.Contains(request.Agencies[i]!)) agencies.Add(request.Agencies[i]!);
        if (request.Kind is SharedEntryKinds.TeamMeetingNotes or SharedEntryKinds.KitMeetingNotes)
        {
            errors.Required(request.MeetingAt, "meetingAt");
            if (request.OnBehalfOf is { Count: > 0 }) errors.Add("onBehalfOf", "Only an evaluative summary is written on behalf of other inspectors.");
        }
        if (request.MeetingAt > now.AddMinutes(5)) errors.Add("meetingAt", "'meetingAt' is in the future.");

        var onBehalfOf = new List<string>();
        if (isSummary && request.OnBehalfOf is { Count: > 0 })
        {
            onBehalfOf = request.OnBehalfOf.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!.Trim()).Distinct().ToList();
            var inspectors = await db.TeamMembers.AsNoTracking()
                .Where(m => m.InspectionId == inspectionId && onBehalfOf.Contains(m.UserId) && EvidenceRules.KeepRecords.Contains(m.TeamRole))
                .Select(m => m.UserId).ToListAsync(ct);
            if (onBehalfOf.Count < 2) errors.Add("onBehalfOf", "A summary on behalf of others names two or more inspectors (¶73).");
            if (!onBehalfOf.Contains(user.Id())) errors.Add("onBehalfOf", "The inspector who records the summary is one of those it is written on behalf of.");
            foreach (var missing in onBehalfOf.Except(inspectors))
                errors.Add("onBehalfOf", $"'{missing}' is not an inspector on this inspection's team.");
        }
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var entry = new SharedEntry
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Kind = request.Kind!, AuthorId = user.Id(), AuthorName = user.DisplayName(),
            AuthorInspectorate = user.Inspectorate()!, OnBehalfOf = onBehalfOf, Criteria = ecs, Agencies = agencies,
            Text = request.Text!.Trim(), MeetingAt = request.MeetingAt, CreatedAt = now,
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/ofsted/shared-record/inspections/{inspectionId}/entries/{entry.Id}", SharedEntryView.From(entry));
    }
}

/// <summary>The shared record is Ofsted's to retain (¶73): it is purged with Ofsted's evidence under Ofsted's policy.</summary>
public sealed class SharedRecordPurgeTarget : IPurgeTarget
{
    public async Task<IReadOnlyDictionary<string, int>> Purge(InspectorateDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        new Dictionary<string, int>
        {
            ["shared_record_entries"] = await db.Set<SharedEntry>().Where(s => ids.Contains(s.InspectionId)).ExecuteDeleteAsync(ct),
        };
}
