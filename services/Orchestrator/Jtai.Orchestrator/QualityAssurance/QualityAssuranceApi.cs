using Jtai.Orchestrator.Inspections;
using Jtai.Calendar.Frameworks;
using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.QualityAssurance;

/// <summary>
/// ¶80–81 before the draft goes out, and again before the final letter if it changed since: the QA manager
/// checks the letter's findings link to the evidence, and a senior manager of each inspectorate taking part
/// agrees them, both for the current version. A version checked and agreed is frozen: a change reopens both.
/// </summary>
public static class QualityAssuranceApi
{
    public static IEndpointRouteBuilder MapQualityAssurance(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(LetterRoutes.Path).WithTags("Letter");
        group.MapPost("/quality-assurance", Check).RequireStanding(Rules.AssignedQa);
        group.MapPost("/agreements", Agree).RequireStanding(Rules.SeniorManagers);
        return app;
    }

    private static async Task<Results<Ok<LetterView>, NotFound>> Check(
        Guid inspectionId, ClaimsPrincipal user, OrchestratorDbContext db, LetterDrafting drafting, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Letter(inspectionId, ct) is not { } letter) return TypedResults.NotFound();
        NotFinal(letter);
        var findings = await db.Set<Finding>().AsNoTracking().Include(f => f.Links).Where(f => f.InspectionId == inspectionId).ToListAsync(ct);
        var unlinked = findings.Where(f => f.Links.Count == 0 || f.LinksConfirmedAt is null).Select(f => f.Id).ToList();
        if (unlinked.Count > 0)
            throw new DomainRuleException("findings-link-to-evidence",
                $"{unlinked.Count} finding(s) have no confirmed link to evidence ({string.Join(", ", unlinked)}): the QA manager confirms each first (¶80).");
        var now = clock.GetUtcNow();
        letter.QaCheckedVersion = letter.CurrentVersion;
        letter.QaCheckedBy = user.Id();
        letter.QaCheckedAt = now;
        await db.SaveLetter(ct);
        return TypedResults.Ok(await LetterView.Read(db, drafting, letter, now, ct));
    }

    private static async Task<Results<Ok<LetterView>, NotFound>> Agree(
        Guid inspectionId, ClaimsPrincipal user, Standing standing, OrchestratorDbContext db, LetterDrafting drafting, FrameworkCatalog frameworks,
        TimeProvider clock, CancellationToken ct)
    {
        if (await db.Letter(inspectionId, ct) is not { } letter) return TypedResults.NotFound();
        NotFinal(letter);
        var inspectorate = standing.Inspectorate!;
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, ct);
        if (!frameworks.TakingPart(inspection).Contains(inspectorate))
            throw new DomainRuleException("inspectorate-takes-part",
                $"{inspectorate} does not take part in this inspection (its framework names {string.Join(", ", frameworks.TakingPart(inspection))}): it has no letter to agree.");
        var now = clock.GetUtcNow();
        if (!await db.Set<LetterAgreement>().AnyAsync(a => a.InspectionId == inspectionId && a.Inspectorate == inspectorate && a.LetterVersion == letter.CurrentVersion, ct))
            db.Add(new LetterAgreement { InspectionId = inspectionId, Inspectorate = inspectorate, LetterVersion = letter.CurrentVersion, AgreedBy = user.Id(), AgreedAt = now });
        await db.SaveLetter(ct);
        return TypedResults.Ok(await LetterView.Read(db, drafting, letter, now, ct));
    }

    private static void NotFinal(InspectionLetter letter)
    {
        if (letter.IsFinal)
            throw new DomainRuleException("letter-final", "The final letter has been issued: quality assurance and agreement came before.");
    }
}
