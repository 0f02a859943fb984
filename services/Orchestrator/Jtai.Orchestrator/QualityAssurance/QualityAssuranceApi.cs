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
/// checks the letter's findings link to the evidence, and a senior manager of each inspectorate agrees them,
/// both for the current version. A version checked and agreed is frozen: a change reopens both.
/// </summary>
public static class QualityAssuranceApi
{
    public static IEndpointRouteBuilder MapQualityAssurance(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(LetterApi.Path).WithTags("Letter");
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
        return TypedResults.Ok(await LetterApi.View(db, drafting, letter, now, ct));
    }

    private static async Task<Results<Ok<LetterView>, NotFound>> Agree(
        Guid inspectionId, ClaimsPrincipal user, Standing standing, OrchestratorDbContext db, LetterDrafting drafting, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Letter(inspectionId, ct) is not { } letter) return TypedResults.NotFound();
        NotFinal(letter);
        var inspectorate = standing.Inspectorate!;
        var now = clock.GetUtcNow();
        if (!await db.Set<LetterAgreement>().AnyAsync(a => a.InspectionId == inspectionId && a.Inspectorate == inspectorate && a.LetterVersion == letter.CurrentVersion, ct))
            db.Add(new LetterAgreement { InspectionId = inspectionId, Inspectorate = inspectorate, LetterVersion = letter.CurrentVersion, AgreedBy = user.Id(), AgreedAt = now });
        await db.SaveLetter(ct);
        return TypedResults.Ok(await LetterApi.View(db, drafting, letter, now, ct));
    }

    /// <summary>The gate before the draft goes out (¶82) and before the final letter (¶83): 409 naming what is missing.</summary>
    public static async Task EnsureReadyToSend(OrchestratorDbContext db, InspectionLetter letter, CancellationToken ct, string what = "draft")
    {
        if (letter.QaCheckedVersion != letter.CurrentVersion)
            throw new DomainRuleException($"qa-before-{what}",
                $"The QA manager has not checked version {letter.CurrentVersion} of the letter against the evidence (¶80).");
        var agreed = await db.Set<LetterAgreement>().Where(a => a.InspectionId == letter.InspectionId && a.LetterVersion == letter.CurrentVersion)
            .Select(a => a.Inspectorate).ToListAsync(ct);
        var missing = Inspectorates.All.Except(agreed).ToList();
        if (missing.Count > 0)
            throw new DomainRuleException("senior-managers-agree",
                $"Senior managers of {string.Join(", ", missing)} have not agreed version {letter.CurrentVersion} of the letter (¶81).");
    }

    /// <summary>The current version is checked by the QA manager and agreed by all three inspectorates: frozen.</summary>
    public static bool IsAgreed(InspectionLetter letter, IEnumerable<LetterAgreement> agreements) =>
        letter.QaCheckedVersion == letter.CurrentVersion
        && Inspectorates.All.All(i => agreements.Any(a => a.Inspectorate == i && a.LetterVersion == letter.CurrentVersion));

    public static async Task<bool> IsAgreed(OrchestratorDbContext db, InspectionLetter letter, CancellationToken ct) =>
        IsAgreed(letter, await db.Set<LetterAgreement>().AsNoTracking().Where(a => a.InspectionId == letter.InspectionId && a.LetterVersion == letter.CurrentVersion).ToListAsync(ct));

    private static void NotFinal(InspectionLetter letter)
    {
        if (letter.IsFinal)
            throw new DomainRuleException("letter-final", "The final letter has been issued: quality assurance and agreement came before.");
    }
}
