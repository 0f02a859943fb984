using Jtai.Inspectorate.Data;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Criteria;
using Jtai.ServiceDefaults.Paging;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Inspectorate.Evidence;

/// <summary>
/// An inspectorate's own evidence records, readable and writable only by its own staff who are on
/// the inspection's team (the gateway checks the inspectorate, the service's rule the team). The
/// rules are <see cref="EvidenceRecord"/>'s, <see cref="EvidenceRules"/>' and <see cref="EvidenceCompletions"/>'.
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

    /// <summary>What the handlers share: the caller, the inspectorate served, its records and the clock.</summary>
    public sealed record EvidenceServices(HttpContext Http, InspectorateDbContext Db, TimeProvider Clock, CancellationToken Ct)
    {
        public string Inspectorate => Http.GetEndpoint()!.Metadata.GetRequiredMetadata<EvidenceOf>().Inspectorate;
        public string By => Http.User.Id();

        public Task<EvidenceRecord?> Find(Guid inspectionId, Guid recordId, bool tracked = false) =>
            (tracked ? Db.Set<EvidenceRecord>() : Db.Set<EvidenceRecord>().AsNoTracking())
                .SingleOrDefaultAsync(r => r.Id == recordId && r.InspectionId == inspectionId, Ct);
    }

    /// <summary>The inspectorate's records of the inspection (<c>?author=</c>: one author's) in the order gathered, a page at a time
    /// (<c>?limit=&amp;after=</c>; keyset on when gathered and the id): they grow through the fieldwork.</summary>
    private static async Task<Results<Ok<Page<EvidenceView>>, ValidationProblem>> List(
        Guid inspectionId, string? author, [AsParameters] PageQuery page, [AsParameters] EvidenceServices s)
    {
        if (page.Problems<InstantCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var records = s.Db.Set<EvidenceRecord>().AsNoTracking().Where(r => r.InspectionId == inspectionId && (author == null || r.AuthorId == author));
        if (page.AfterAs<InstantCursor>() is { } after)
            records = records.Where(r => EF.Functions.GreaterThan(ValueTuple.Create(r.GatheredAt, r.Id), ValueTuple.Create(after.At, after.Id)));
        var rows = await records.OrderBy(r => r.GatheredAt).ThenBy(r => r.Id).Take(page.Size + 1).ToListAsync(s.Ct);
        var shown = page.PageOf(rows, r => new InstantCursor(r.GatheredAt, r.Id));
        return TypedResults.Ok(new Page<EvidenceView>(shown.Items.Select(EvidenceView.From).ToList(), shown.Next));
    }

    private static async Task<Results<Created<EvidenceView>, ValidationProblem, NotFound>> Create(
        Guid inspectionId, EvidenceRequest request, IEvaluationCriteria criteria, [AsParameters] EvidenceServices s)
    {
        if (await s.Db.Inspections.FindAsync([inspectionId], s.Ct) is not { } inspection) return TypedResults.NotFound();
        var (valid, errors) = EvidenceRules.Validate(request, inspection, criteria, s.Clock);
        if (valid is null) return TypedResults.ValidationProblem(errors.ToDictionary());
        var record = EvidenceRecord.Write(inspectionId, s.By, s.Http.User.DisplayName(), valid, s.Clock.GetUtcNow());
        s.Db.Add(record);
        await s.Db.SaveChangesAsync(s.Ct);
        return TypedResults.Created($"/api/{s.Inspectorate}/inspections/{inspectionId}/evidence/{record.Id}", EvidenceView.From(record));
    }

    private static async Task<Results<Ok<EvidenceView>, NotFound>> Get(Guid inspectionId, Guid recordId, [AsParameters] EvidenceServices s) =>
        await s.Find(inspectionId, recordId) is { } record ? TypedResults.Ok(EvidenceView.From(record)) : TypedResults.NotFound();

    /// <summary>Only the author edits; the version before the edit is kept. "revision" guards against a lost update.</summary>
    private static async Task<Results<Ok<EvidenceView>, ValidationProblem, NotFound>> Edit(
        Guid inspectionId, Guid recordId, EvidenceRequest request, Standing standing, IEvaluationCriteria criteria, [AsParameters] EvidenceServices s)
    {
        if (await s.Find(inspectionId, recordId, tracked: true) is not { } record) return TypedResults.NotFound();
        record.EnsureEditedByAuthor(standing);
        var inspection = await s.Db.Inspections.SingleAsync(i => i.InspectionId == inspectionId, s.Ct);
        var (valid, errors) = EvidenceRules.Validate(request, inspection, criteria, s.Clock);
        if (valid is null) return TypedResults.ValidationProblem(errors.ToDictionary());
        s.Db.Add(record.Edit(valid, request.Revision, s.By, s.Clock.GetUtcNow()));
        try { await s.Db.SaveChangesAsync(s.Ct); }
        catch (DbUpdateConcurrencyException) { throw EvidenceRecord.EditedConcurrently(); }
        return TypedResults.Ok(EvidenceView.From(record));
    }

    private static async Task<Results<Ok<List<RevisionView>>, NotFound>> History(Guid inspectionId, Guid recordId, [AsParameters] EvidenceServices s)
    {
        if (!await s.Db.Set<EvidenceRecord>().AnyAsync(r => r.Id == recordId && r.InspectionId == inspectionId, s.Ct)) return TypedResults.NotFound();
        var revisions = await s.Db.Set<EvidenceRevision>().AsNoTracking()
            .Where(r => r.RecordId == recordId).OrderBy(r => r.Revision).ToListAsync(s.Ct);
        return TypedResults.Ok(revisions.Select(r => new RevisionView(r.Revision, r.EditedBy, r.EditedAt, r.Before)).ToList());
    }

    /// <summary>The author, or the inspectorate's lead on the team, strips names no longer needed from one record.</summary>
    private static async Task<Results<Ok<NamesRemovedView>, NotFound>> RemoveNamesFromRecord(
        Guid inspectionId, Guid recordId, Standing standing, [AsParameters] EvidenceServices s)
    {
        if (await s.Find(inspectionId, recordId) is not { } record) return TypedResults.NotFound();
        record.EnsureNamesRemovableBy(standing, s.Inspectorate);
        return TypedResults.Ok(await RemoveNames(s, inspectionId, recordId));
    }

    /// <summary>The lead inspector strips every name from the inspectorate's records of the inspection.</summary>
    private static async Task<Ok<NamesRemovedView>> RemoveNamesFromAll(Guid inspectionId, [AsParameters] EvidenceServices s) =>
        TypedResults.Ok(await RemoveNames(s, inspectionId, null));

    private static async Task<NamesRemovedView> RemoveNames(EvidenceServices s, Guid inspectionId, Guid? recordId)
    {
        var result = await EvidenceRules.RemoveNames(s.Db, inspectionId, recordId, s.Clock.GetUtcNow(), s.Ct);
        await s.Db.SaveChangesAsync(s.Ct);
        return result;
    }

    private static async Task<Ok<MemberCompletenessView>> MarkComplete(
        Guid inspectionId, EvidenceCompletions completions, [AsParameters] EvidenceServices s) =>
        TypedResults.Ok(await completions.Complete(s.Inspectorate, inspectionId, s.By, s.Ct));

    /// <summary>The lead directs further evidence (¶75): the inspector reopens their record.</summary>
    private static async Task<NoContent> Reopen(Guid inspectionId, EvidenceCompletions completions, [AsParameters] EvidenceServices s)
    {
        await completions.Reopen(s.Inspectorate, inspectionId, s.By, s.Ct);
        return TypedResults.NoContent();
    }

    /// <summary>The theme's focus areas as the prompts a record answers (the five-themes overview).</summary>
    private static async Task<Results<Ok<EvidencePromptsView>, NotFound>> Prompts(
        Guid inspectionId, InspectorateDbContext db, IEvaluationCriteria criteria, CancellationToken ct)
    {
        if (await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.InspectionId == inspectionId, ct) is not { } inspection) return TypedResults.NotFound();
        return TypedResults.Ok(new EvidencePromptsView(inspectionId, inspection.Theme, criteria.FocusAreas(inspection.Theme, inspection.FieldworkStart)));
    }

    private static async Task<Ok<CompletenessView>> Completeness(Guid inspectionId, [AsParameters] EvidenceServices s) =>
        TypedResults.Ok(await EvidenceRules.Completeness(s.Db, s.Inspectorate, inspectionId, s.Ct));
}
