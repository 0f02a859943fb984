using System.Security.Claims;
using Jtai.Inspectorate.Data;
using Jtai.Messaging;
using Jtai.Messaging.Outbox;
using Jtai.ServiceDefaults.Access;
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

    private static async Task<Results<Ok<AreaIntelligenceView>, ValidationProblem>> ReadArea(
        string localAreaCode, ClaimsPrincipal user, Standing standing, InspectorateDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var code = localAreaCode.Trim().ToUpperInvariant();
        if (!IntelligenceValidation.IsAreaCode(code))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["localAreaCode"] = ["'localAreaCode' must be the local authority's ONS code, e.g. E08000025."],
            });
        var records = await db.Set<AreaIntelligence>().AsNoTracking()
            .Where(i => i.LocalAreaCode == code)
            .OrderByDescending(i => i.ObservedOn).ThenByDescending(i => i.SharedAt)
            .ToListAsync(ct);
        db.Add(new IntelligenceRead
        {
            LocalAreaCode = code, ReaderId = user.Id(), ReaderName = user.DisplayName(), ReaderInspectorate = standing.Inspectorate!,
            ReaderRoles = string.Join(',', standing.Roles.Order(StringComparer.Ordinal)), Records = records.Count, ReadAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new AreaIntelligenceView(code, records.FirstOrDefault()?.LocalAreaName, records.Select(IntelligenceView.From).ToList()));
    }

    private static async Task<Ok<List<IntelligenceReadView>>> Reads(string? localAreaCode, InspectorateDbContext db, CancellationToken ct)
    {
        var code = localAreaCode?.Trim().ToUpperInvariant();
        var reads = await db.Set<IntelligenceRead>().AsNoTracking()
            .Where(r => code == null || r.LocalAreaCode == code)
            .OrderByDescending(r => r.ReadAt).Take(1_000)
            .ToListAsync(ct);
        return TypedResults.Ok(reads.Select(IntelligenceReadView.From).ToList());
    }
}
