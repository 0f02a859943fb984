using Jtai.Calendar.Frameworks;
using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.QualityAssurance;

/// <summary>
/// ¶80–81 before the draft goes out, and again before the final letter if it changed since: the QA manager
/// checks the letter's findings link to the evidence, and a senior manager of each inspectorate taking part
/// agrees them, both for the current version. A version checked and agreed is frozen: a change reopens both.
/// The rules are <see cref="InspectionLetter"/>'s (CheckQuality, Agree).
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

    /// <summary>What both steps need: the caller, the letter's store and drafting (for its view) and the clock.</summary>
    public sealed record QualityAssuranceServices(ClaimsPrincipal User, OrchestratorDbContext Db, LetterDrafting Drafting, TimeProvider Clock, CancellationToken Ct)
    {
        public async Task<Ok<LetterView>> Save(InspectionLetter letter, DateTimeOffset now)
        {
            await Db.SaveLetter(Ct);
            return TypedResults.Ok(await LetterView.Read(Db, Drafting, letter, now, Ct));
        }
    }

    private static async Task<Results<Ok<LetterView>, NotFound>> Check(Guid inspectionId, [AsParameters] QualityAssuranceServices s)
    {
        if (await s.Db.Letter(inspectionId, s.Ct) is not { } letter) return TypedResults.NotFound();
        var findings = await s.Db.Set<Finding>().AsNoTracking().Include(f => f.Links).Where(f => f.InspectionId == inspectionId).ToListAsync(s.Ct);
        var now = s.Clock.GetUtcNow();
        letter.CheckQuality(findings, s.User.Id(), now);
        return await s.Save(letter, now);
    }

    private static async Task<Results<Ok<LetterView>, NotFound>> Agree(
        Guid inspectionId, Standing standing, FrameworkCatalog frameworks, [AsParameters] QualityAssuranceServices s)
    {
        if (await s.Db.Letter(inspectionId, s.Ct) is not { } letter) return TypedResults.NotFound();
        var inspectorate = standing.Inspectorate!;
        var inspection = await s.Db.Inspections.AsNoTracking().SingleAsync(i => i.Id == inspectionId, s.Ct);
        var agreed = await s.Db.Set<LetterAgreement>()
            .AnyAsync(a => a.InspectionId == inspectionId && a.Inspectorate == inspectorate && a.LetterVersion == letter.CurrentVersion, s.Ct);
        var now = s.Clock.GetUtcNow();
        if (letter.Agree(inspectorate, frameworks.TakingPart(inspection), agreed, s.User.Id(), now) is { } agreement) s.Db.Add(agreement);
        return await s.Save(letter, now);
    }
}
