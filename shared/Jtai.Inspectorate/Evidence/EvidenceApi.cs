using System.Security.Claims;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Team;
using Jtai.Messaging.Outbox;
using Jtai.ServiceDefaults.Criteria;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Inspectorate.Evidence;

/// <summary>
/// An inspectorate's own evidence records, readable and writable only by its own staff who are on
/// the inspection's team (the gateway checks the inspectorate, the service's rule the team).
/// </summary>
public static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this IEndpointRouteBuilder app, string inspectorate)
    {
        var group = app.MapGroup($"/api/{inspectorate}/inspections/{{inspectionId:guid}}/evidence")
            .RequireStanding(Rules.TeamOf(inspectorate))
            .WithTags("Evidence")
            // Every handler needs to know which inspectorate's records it serves.
            .WithMetadata(new EvidenceOf(inspectorate));
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapGet("/{recordId:guid}", Get);
        group.MapPut("/{recordId:guid}", Edit);
        group.MapGet("/{recordId:guid}/history", History);
        group.MapPost("/{recordId:guid}/remove-names", RemoveNamesFromRecord);
        group.MapPost("/remove-names", RemoveNamesFromAll).RequireStanding(Rules.LeadOf(inspectorate));
        group.MapPost("/complete", MarkComplete);
        group.MapDelete("/complete", Reopen);
        group.MapGet("/completeness", Completeness);
        group.MapGet("/prompts", Prompts);
        return group;
    }

    public sealed record EvidenceOf(string Inspectorate);

    private static string Of(HttpContext http) => http.GetEndpoint()!.Metadata.GetRequiredMetadata<EvidenceOf>().Inspectorate;

    private static async Task<Ok<List<EvidenceView>>> List(
        Guid inspectionId, string? author, HttpContext http, InspectorateDbContext db, CancellationToken ct)
    {
        var records = await db.Set<EvidenceRecord>().AsNoTracking()
            .Where(r => r.InspectionId == inspectionId && (author == null || r.AuthorId == author))
            .OrderBy(r => r.GatheredAt).ToListAsync(ct);
        return TypedResults.Ok(records.Select(EvidenceView.From).ToList());
    }

    private static async Task<Results<Created<EvidenceView>, ValidationProblem, NotFound>> Create(
        Guid inspectionId, EvidenceRequest request, HttpContext http, InspectorateDbContext db, IEvaluationCriteria criteria,
        TimeProvider clock, CancellationToken ct)
    {
        if (await db.Inspections.FindAsync([inspectionId], ct) is not { } inspection) return TypedResults.NotFound();
        var (valid, errors) = EvidenceRules.Validate(request, inspection, criteria, clock);
        if (valid is null) return TypedResults.ValidationProblem(errors.ToDictionary());

        var now = clock.GetUtcNow();
        var record = new EvidenceRecord
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, AuthorId = http.User.Id(), AuthorName = http.User.DisplayName(),
            Source = valid.Source, SourceDetail = valid.SourceDetail, GatheredAt = valid.GatheredAt, MeetingAt = valid.MeetingAt,
            Criteria = valid.Criteria, Agencies = valid.Agencies, FocusAreas = valid.FocusAreas, Text = valid.Text, People = valid.People,
            Revision = 1, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/{Of(http)}/inspections/{inspectionId}/evidence/{record.Id}", EvidenceView.From(record));
    }

    private static async Task<Results<Ok<EvidenceView>, NotFound>> Get(
        Guid inspectionId, Guid recordId, HttpContext http, InspectorateDbContext db, CancellationToken ct)
    {
        return await db.Set<EvidenceRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordId && r.InspectionId == inspectionId, ct) is { } record
            ? TypedResults.Ok(EvidenceView.From(record))
            : TypedResults.NotFound();
    }

    /// <summary>Only the author edits; the version before the edit is kept. "revision" guards against a lost update.</summary>
    private static async Task<Results<Ok<EvidenceView>, ValidationProblem, NotFound>> Edit(
        Guid inspectionId, Guid recordId, EvidenceRequest request, HttpContext http, Standing standing, InspectorateDbContext db,
        IEvaluationCriteria criteria, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<EvidenceRecord>().SingleOrDefaultAsync(r => r.Id == recordId && r.InspectionId == inspectionId, ct) is not { } record)
            return TypedResults.NotFound();
        record.EnsureEditedByAuthor(standing);
        var inspection = await db.Inspections.SingleAsync(i => i.InspectionId == inspectionId, ct);
        var (valid, errors) = EvidenceRules.Validate(request, inspection, criteria, clock);
        if (valid is null) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (request.Revision is { } expected && expected != record.Revision)
            throw new DomainRuleException("edit-latest-revision", $"The record is at revision {record.Revision}, not {expected}: read it again before editing.");

        var now = clock.GetUtcNow();
        db.Add(new EvidenceRevision
        {
            RecordId = record.Id, InspectionId = inspectionId, Revision = record.Revision,
            EditedBy = http.User.Id(), EditedAt = now, Before = record.Snapshot(),
        });
        record.Source = valid.Source; record.SourceDetail = valid.SourceDetail;
        record.GatheredAt = valid.GatheredAt; record.MeetingAt = valid.MeetingAt;
        record.Criteria = valid.Criteria; record.Agencies = valid.Agencies; record.FocusAreas = valid.FocusAreas;
        record.Text = valid.Text; record.People = valid.People;
        record.Revision++;
        record.UpdatedAt = now;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("edit-latest-revision", "The record was edited by another request at the same time: read it again.");
        }
        return TypedResults.Ok(EvidenceView.From(record));
    }

    private static async Task<Results<Ok<List<RevisionView>>, NotFound>> History(
        Guid inspectionId, Guid recordId, HttpContext http, InspectorateDbContext db, CancellationToken ct)
    {
        if (!await db.Set<EvidenceRecord>().AnyAsync(r => r.Id == recordId && r.InspectionId == inspectionId, ct)) return TypedResults.NotFound();
        var revisions = await db.Set<EvidenceRevision>().AsNoTracking()
            .Where(r => r.RecordId == recordId).OrderBy(r => r.Revision).ToListAsync(ct);
        return TypedResults.Ok(revisions.Select(r => new RevisionView(r.Revision, r.EditedBy, r.EditedAt, r.Before)).ToList());
    }

    /// <summary>The author, or the inspectorate's lead on the team, strips names no longer needed from one record.</summary>
    private static async Task<Results<Ok<NamesRemovedView>, NotFound>> RemoveNamesFromRecord(
        Guid inspectionId, Guid recordId, HttpContext http, Standing standing, InspectorateDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Set<EvidenceRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordId && r.InspectionId == inspectionId, ct) is not { } record)
            return TypedResults.NotFound();
        record.EnsureNamesRemovableBy(standing, Of(http));
        var result = await EvidenceRules.RemoveNames(db, inspectionId, recordId, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(result);
    }

    /// <summary>The lead inspector strips every name from the inspectorate's records of the inspection.</summary>
    private static async Task<Ok<NamesRemovedView>> RemoveNamesFromAll(
        Guid inspectionId, HttpContext http, InspectorateDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var result = await EvidenceRules.RemoveNames(db, inspectionId, null, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<MemberCompletenessView>> MarkComplete(
        Guid inspectionId, HttpContext http, InspectorateDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var userId = http.User.Id();
        var member = await db.TeamMembers.SingleAsync(m => m.InspectionId == inspectionId && m.UserId == userId, ct);
        if (!EvidenceRules.KeepRecords.Contains(member.TeamRole))
            throw new DomainRuleException("only-evidence-keepers-complete", $"A {member.TeamRole} keeps no evidence record to complete.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockInspection(db, inspectionId, ct);
        var completion = await db.Set<EvidenceCompletion>().FindAsync([inspectionId, userId], ct);
        if (completion is null)
        {
            db.Add(completion = new EvidenceCompletion { InspectionId = inspectionId, UserId = userId, CompletedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            await PublishCompleteness(db, outbox, Of(http), inspectionId, clock, ct);
        }
        await tx.CommitAsync(ct);
        var records = await db.Set<EvidenceRecord>().CountAsync(r => r.InspectionId == inspectionId && r.AuthorId == userId, ct);
        return TypedResults.Ok(new MemberCompletenessView(userId, member.Name, member.TeamRole, true, completion.CompletedAt, records));
    }

    /// <summary>The lead directs further evidence (¶75): the inspector reopens their record.</summary>
    private static async Task<NoContent> Reopen(
        Guid inspectionId, HttpContext http, InspectorateDbContext db, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var userId = http.User.Id();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockInspection(db, inspectionId, ct);
        if (await db.Set<EvidenceCompletion>().Where(c => c.InspectionId == inspectionId && c.UserId == userId).ExecuteDeleteAsync(ct) > 0)
            await PublishCompleteness(db, outbox, Of(http), inspectionId, clock, ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Two inspectors completing at once must each see the other: the inspection's row orders them.</summary>
    private static Task LockInspection(InspectorateDbContext db, Guid inspectionId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM inspections WHERE inspection_id = {inspectionId} FOR UPDATE", ct);

    /// <summary>
    /// Tells the orchestrator whether this inspectorate's records are now all complete: its evidence-complete
    /// milestone is met by the three inspectorates' completeness (¶74), not asked for or marked by hand.
    /// </summary>
    private static async Task PublishCompleteness(InspectorateDbContext db, IOutbox outbox, string inspectorate, Guid inspectionId,
        TimeProvider clock, CancellationToken ct)
    {
        var view = await EvidenceRules.Completeness(db, inspectorate, inspectionId, ct);
        var completedAt = view.Complete ? view.Members.Max(m => m.CompletedAt) : null;
        outbox.Publish(new EvidenceCompletenessChanged(inspectionId, inspectorate, view.Complete, completedAt, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The theme's focus areas as the prompts a record answers (the five-themes overview).</summary>
    private static async Task<Results<Ok<EvidencePromptsView>, NotFound>> Prompts(
        Guid inspectionId, InspectorateDbContext db, IEvaluationCriteria criteria, CancellationToken ct)
    {
        if (await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.InspectionId == inspectionId, ct) is not { } inspection) return TypedResults.NotFound();
        return TypedResults.Ok(new EvidencePromptsView(inspectionId, inspection.Theme, criteria.FocusAreas(inspection.Theme, inspection.FieldworkStart)));
    }

    private static async Task<Ok<CompletenessView>> Completeness(
        Guid inspectionId, HttpContext http, InspectorateDbContext db, CancellationToken ct)
    {
        return TypedResults.Ok(await EvidenceRules.Completeness(db, Of(http), inspectionId, ct));
    }
}
