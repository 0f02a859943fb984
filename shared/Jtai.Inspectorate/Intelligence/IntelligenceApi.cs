using System.Security.Claims;
using Jtai.Inspectorate.Data;
using Jtai.Messaging;
using Jtai.Messaging.Outbox;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Inspectorate.Intelligence;

/// <summary>
/// Intelligence about local areas (programme note ¶7–8): this inspectorate's staff record what their
/// own routine programme saw and it is shared with the other inspectorates through the outbox; they
/// read an area's intelligence, their own and what the others shared, and every read is logged.
/// Partner agencies never see it (the rule admits this inspectorate's staff only).
/// </summary>
public static class IntelligenceApi
{
    public static IEndpointRouteBuilder MapIntelligenceApi(this IEndpointRouteBuilder app, string inspectorate)
    {
        var group = app.MapGroup($"/api/{inspectorate}").WithTags("Intelligence").RequireStanding(Rules.StaffOf(inspectorate));
        group.MapPost("/intelligence", Record);
        group.MapGet("/areas/{localAreaCode}/intelligence", ReadArea);
        // Who read which area's intelligence is itself overseen by the inspectorate's managers.
        group.MapGet("/intelligence/reads", Reads).RequireStanding(Rules.ManagersOf(inspectorate));
        return app;
    }

    private static async Task<Results<Created<IntelligenceView>, ValidationProblem>> Record(
        IntelligenceRequest? request, ClaimsPrincipal user, InspectorateDbContext db, IOutbox outbox, ServiceIdentity service,
        IntelligenceProgrammes programmes, TimeProvider clock, CancellationToken ct)
    {
        var (valid, errors) = IntelligenceValidation.Validate(request, programmes, clock);
        if (valid is null) return TypedResults.ValidationProblem(errors.ToDictionary());
        var record = new AreaIntelligence
        {
            Id = Guid.NewGuid(), SharedBy = service.Name, LocalAreaCode = valid.LocalAreaCode, LocalAreaName = valid.LocalAreaName,
            Kind = valid.Kind, Programme = valid.Programme, What = valid.What, ObservedOn = valid.ObservedOn,
            RecordedBy = user.Id(), RecordedByName = user.DisplayName(), Agencies = valid.Agencies, SharedAt = clock.GetUtcNow(),
        };
        db.Add(record);
        // Shared in the same commit as the record: the others hear of it if and only if it is kept.
        outbox.Publish(record.ToMessage());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/{service.Name}/areas/{record.LocalAreaCode}/intelligence", IntelligenceView.From(record));
    }

    /// <summary>
    /// An area's intelligence, newest observed first, a page at a time (<c>?limit=&amp;after=</c>; keyset on the day observed, the moment
    /// shared and the id): it grows with the years. Each page read is logged with the records it showed.
    /// </summary>
    private static async Task<Results<Ok<Page<IntelligenceView>>, ValidationProblem>> ReadArea(
        string localAreaCode, [AsParameters] PageQuery page, ClaimsPrincipal user, Standing standing, InspectorateDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var code = localAreaCode.Trim().ToUpperInvariant();
        var problems = page.Problems<AreaIntelligenceCursor>() ?? new Dictionary<string, string[]>();
        if (!IntelligenceValidation.IsAreaCode(code)) problems["localAreaCode"] = ["'localAreaCode' must be the local authority's ONS code, e.g. E08000025."];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        var records = db.Set<AreaIntelligence>().AsNoTracking().Where(i => i.LocalAreaCode == code);
        if (page.AfterAs<AreaIntelligenceCursor>() is { } after)
            records = records.Where(i => EF.Functions.LessThan(ValueTuple.Create(i.ObservedOn, i.SharedAt, i.Id), ValueTuple.Create(after.ObservedOn, after.SharedAt, after.Id)));
        var rows = await records.OrderByDescending(i => i.ObservedOn).ThenByDescending(i => i.SharedAt).ThenByDescending(i => i.Id)
            .Take(page.Size + 1).ToListAsync(ct);
        var shown = page.PageOf(rows, i => new AreaIntelligenceCursor(i.ObservedOn, i.SharedAt, i.Id));
        db.Add(new IntelligenceRead
        {
            LocalAreaCode = code, ReaderId = user.Id(), ReaderName = user.DisplayName(), ReaderInspectorate = standing.Inspectorate!,
            ReaderRoles = string.Join(',', standing.Roles.Order(StringComparer.Ordinal)), Records = shown.Items.Count, ReadAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new Page<IntelligenceView>(shown.Items.Select(IntelligenceView.From).ToList(), shown.Next));
    }

    /// <summary>The read log (<c>?localAreaCode=</c>: one area's), latest first, a page at a time (keyset on the moment read and the entry).</summary>
    private static async Task<Results<Ok<Page<IntelligenceReadView>>, ValidationProblem>> Reads(
        string? localAreaCode, [AsParameters] PageQuery page, InspectorateDbContext db, CancellationToken ct)
    {
        if (page.Problems<IntelligenceReadCursor>() is { } problems) return TypedResults.ValidationProblem(problems);
        var code = localAreaCode?.Trim().ToUpperInvariant();
        var reads = db.Set<IntelligenceRead>().AsNoTracking().Where(r => code == null || r.LocalAreaCode == code);
        if (page.AfterAs<IntelligenceReadCursor>() is { } after)
            reads = reads.Where(r => EF.Functions.LessThan(ValueTuple.Create(r.ReadAt, r.Id), ValueTuple.Create(after.ReadAt, after.Id)));
        var rows = await reads.OrderByDescending(r => r.ReadAt).ThenByDescending(r => r.Id).Take(page.Size + 1)
            .Select(r => new { r.ReadAt, r.Id, View = new IntelligenceReadView(r.LocalAreaCode, r.ReaderId, r.ReaderName, r.ReaderInspectorate, r.ReaderRoles, r.Records, r.ReadAt) })
            .ToListAsync(ct);
        var shown = page.PageOf(rows, r => new IntelligenceReadCursor(r.ReadAt, r.Id));
        return TypedResults.Ok(new Page<IntelligenceReadView>(shown.Items.Select(r => r.View).ToList(), shown.Next));
    }
}
