using System.Security.Claims;
using Jtai.Contracts.InformationRequests;
using Jtai.Ofsted.CaseSelection;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.InformationExchange.HealthBodies;

public sealed record HealthBodyBody(string? Key, string? Name);

public sealed record NameHealthBodiesRequest(List<HealthBodyBody?>? Bodies);

/// <summary>
/// ¶105: CQC names the health bodies it asks for the health information; the list replaces the last (a body named again keeps
/// when it was first named). Once any is named, Annex A's health requests are each body's own (see <see cref="ExchangeAccess"/>).
/// </summary>
public static class HealthBodiesApi
{
    public static async Task<Ok<List<NamedHealthBodyView>>> List(Guid inspectionId, OfstedDbContext db, CancellationToken ct)
    {
        var bodies = await db.Set<NamedHealthBody>().AsNoTracking().Where(b => b.InspectionId == inspectionId).OrderBy(b => b.Key).ToListAsync(ct);
        var filed = await db.Set<InformationDocument>().AsNoTracking()
            .Where(d => d.InspectionId == inspectionId && d.HealthBody != null && d.SupersededAt == null)
            .Select(d => new { d.HealthBody, d.Kind, d.Item }).Distinct().ToListAsync(ct);
        var selected = await db.Set<SelectedChild>().AsNoTracking().Where(c => c.InspectionId == inspectionId).ToListAsync(ct);
        return TypedResults.Ok(bodies.Select(b => new NamedHealthBodyView(b.Key, b.Name, b.NamedAt, b.NamedBy,
                [.. filed.Where(f => f.HealthBody == b.Key)
                    .Select(f => f.Kind == DocumentKinds.Performance ? AnnexAItems.Performance(f.Item) : AnnexAItems.CaseRecords(AnnexAItems.Health))
                    .Distinct().Order(StringComparer.Ordinal)],
                selected.Count(c => c.AnsweredBy(AnnexAItems.Health, b.Key))))
            .ToList());
    }

    public static async Task<Results<Ok<List<NamedHealthBodyView>>, ValidationProblem>> Name(
        Guid inspectionId, NameHealthBodiesRequest request, ClaimsPrincipal user, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var bodies = new List<(string Key, string Name)>();
        if (request.Bodies is not { Count: > 0 })
            errors.Add("bodies", "'bodies' names at least one health body CQC asks for the health information (¶105).");
        else if (request.Bodies.Count > 50) errors.Add("bodies", "'bodies' names at most 50 health bodies.");
        else
            for (var i = 0; i < request.Bodies.Count; i++)
            {
                var b = request.Bodies[i];
                var ok = errors.Required(b?.Key, $"bodies[{i}].key") & errors.Required(b?.Name, $"bodies[{i}].name");
                if (ok && !HealthBodyKeys.IsValid(b!.Key!.Trim().ToLowerInvariant()))
                {
                    errors.Add($"bodies[{i}].key", $"'bodies[{i}].key' is the body's key as its tokens carry it: {HealthBodyKeys.Rule}.");
                    ok = false;
                }
                ok &= errors.MaxLength(b?.Name, 200, $"bodies[{i}].name");
                if (ok && bodies.Any(x => x.Key == b!.Key!.Trim().ToLowerInvariant()))
                {
                    errors.Add($"bodies[{i}].key", $"'{b!.Key}' is named twice.");
                    ok = false;
                }
                if (ok) bodies.Add((b!.Key!.Trim().ToLowerInvariant(), b.Name!.Trim()));
            }
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var named = await db.Set<NamedHealthBody>().Where(b => b.InspectionId == inspectionId).ToListAsync(ct);
        db.RemoveRange(named.Where(n => bodies.All(b => b.Key != n.Key)));
        var now = clock.GetUtcNow();
        foreach (var (key, name) in bodies)
        {
            if (named.FirstOrDefault(n => n.Key == key) is { } kept) kept.Name = name;
            else db.Add(new NamedHealthBody { InspectionId = inspectionId, Key = key, Name = name, NamedAt = now, NamedBy = user.Id() });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await List(inspectionId, db, ct)).Value!);
    }
}
