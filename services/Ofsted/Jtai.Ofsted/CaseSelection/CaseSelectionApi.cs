using System.Security.Claims;
using Jtai.Contracts.InformationRequests;
using Jtai.Messaging.Data;
using Jtai.Messaging.Outbox;
using Jtai.Ofsted.Data;
using Jtai.Ofsted.InformationExchange;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.CaseSelection;

/// <summary>
/// Case selection (¶97–99): the platform proposes a balanced 30 and shows the balance of any set;
/// the lead selects 30; police and health answer for each of them; the lead selects at least 5 of
/// the 30 for the partnership to audit. The rules are <see cref="CaseSelectionRules"/> and <see cref="SelectedChild"/>'s.
/// </summary>
public static class CaseSelectionApi
{
    /// <summary>What the case-selection handlers need: storage, the outgoing messages, the clock, and the audit of who saw child-level data.</summary>
    public sealed record CaseSelectionServices(OfstedDbContext Db, IOutbox Outbox, TimeProvider Clock, ChildDataAudit Audit, ClaimsPrincipal User, CancellationToken Ct)
    {
        public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

        public async Task<Dictionary<string, ChildProfile>> Profiles(Guid inspectionId) =>
            (await ChildProfiles.Load(Db, inspectionId, Ct)).ToDictionary(c => c.ChildId, StringComparer.Ordinal);

        public Task<Dictionary<string, SelectedChild>> Selected(Guid inspectionId) =>
            Db.Set<SelectedChild>().Where(c => c.InspectionId == inspectionId).ToDictionaryAsync(c => c.ChildId, StringComparer.Ordinal, Ct);
    }

    public static async Task<Results<Ok<ProposalView>, NotFound, ValidationProblem>> Proposal(
        Guid inspectionId, [FromQuery] int? size, [AsParameters] CaseSelectionServices s)
    {
        if (size is < 1 or > 500) return FileProblems.Field("size", "'size' must be from 1 to 500.");
        var children = await ChildProfiles.Load(s.Db, inspectionId, s.Ct);
        var proposal = BalancedSample.Propose(children, size ?? CaseSelectionRules.Thirty, s.Today);
        await s.Audit.Record(s.User, inspectionId, "case-selection proposal", $"{proposal.Count} children proposed of {children.Count}", s.Ct);
        return TypedResults.Ok(new ProposalView(proposal.Count, proposal, BalancedSample.Of(proposal, s.Today), BalancedSample.Of(children, s.Today)));
    }

    /// <summary>The balance of any set of children the lead is considering (no personal data in the answer).</summary>
    public static async Task<Results<Ok<Balance>, NotFound, ValidationProblem>> BalanceOf(
        Guid inspectionId, ChildIdsRequest request, [AsParameters] CaseSelectionServices s)
    {
        var children = await s.Profiles(inspectionId);
        if (request.Check(children.ContainsKey, "is not on the current lists 1–5") is { Any: true } errors) return TypedResults.ValidationProblem(errors.ToDictionary());
        return TypedResults.Ok(BalancedSample.Of(request.Ids.Select(id => children[id]), s.Today));
    }

    /// <summary>The lead selects the 30 (¶97); selecting again replaces the 30 until the audit selection is made.</summary>
    public static async Task<Results<Ok<SelectionView>, NotFound, ValidationProblem>> SelectThirty(
        Guid inspectionId, ChildIdsRequest request, [AsParameters] CaseSelectionServices s)
    {
        var children = await s.Profiles(inspectionId);
        var errors = request.Check(children.ContainsKey, "is not on the current lists 1–5");
        var ids = request.Ids;
        CaseSelectionRules.CheckThirty(errors, ids.Count);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var existing = s.Db.Set<SelectedChild>().Where(c => c.InspectionId == inspectionId);
        CaseSelectionRules.EnsureThirtyCanChange(await existing.AnyAsync(c => c.ForAudit, s.Ct));
        var now = s.Clock.GetUtcNow();
        await using var tx = await s.Db.Database.BeginOrJoinTransactionAsync(s.Ct);
        await existing.Where(c => !ids.Contains(c.ChildId)).ExecuteDeleteAsync(s.Ct);
        var kept = await existing.Select(c => c.ChildId).ToListAsync(s.Ct);
        foreach (var id in ids.Except(kept))
            s.Db.Set<SelectedChild>().Add(new SelectedChild { InspectionId = inspectionId, ChildId = id, SelectedAt = now, SelectedBy = s.User.Id() });
        await s.Db.Delivered(s.Outbox, inspectionId, AnnexAItems.SelectionOfThirty, AnnexAItems.Ofsted, s.User.Id(), now, $"{CaseSelectionRules.Thirty} children selected", s.Ct);
        await s.Db.SaveChangesAsync(s.Ct);
        await tx.CommitAsync(s.Ct);
        return TypedResults.Ok(await View(s, inspectionId, children));
    }

    /// <summary>The selection with the answers: the inspection team's view (child-level data, audited).</summary>
    public static async Task<Results<Ok<SelectionView>, NotFound>> Get(Guid inspectionId, [AsParameters] CaseSelectionServices s) =>
        TypedResults.Ok(await View(s, inspectionId, await s.Profiles(inspectionId)));

    /// <summary>What a partner is asked: police and health the 30 with their questions (¶98); every partner, once chosen, the children for audit.</summary>
    public static async Task<Ok<List<AskedChild>>> Asked(Guid inspectionId, Standing standing, [AsParameters] CaseSelectionServices s) =>
        TypedResults.Ok(await AskedOf(s, standing.Agency!, inspectionId, standing.HealthBody));

    /// <summary>Police or health answer for some or all of the 30 (¶98); the item is delivered once all 30 are answered.</summary>
    public static async Task<Results<Ok<List<AskedChild>>, NotFound, ValidationProblem>> Answer(
        Guid inspectionId, AnswersRequest request, Standing standing, [AsParameters] CaseSelectionServices s)
    {
        var agency = standing.Agency!;
        var selected = await s.Selected(inspectionId);
        CaseSelectionRules.EnsureThirtySelectedToAnswer(selected.Count);
        if (request.CheckFor(agency, selected.ContainsKey) is { Any: true } errors) return TypedResults.ValidationProblem(errors.ToDictionary());

        var now = s.Clock.GetUtcNow();
        // ¶105: a named health body answers for itself, beside the others.
        var body = standing.HealthBody;
        foreach (var a in request.Answers!) selected[a!.ChildId!].Answer(agency, a, s.User.Id(), now, body);
        if (selected.Values.All(c => c.AnsweredBy(agency, body)))
            await s.Db.Delivered(s.Outbox, inspectionId, AnnexAItems.SelectionAnswers(agency), agency, s.User.Id(), now,
                $"Answers for all {selected.Count} children{(body is null ? "" : $" from {body}")}", s.Ct);
        await s.Db.SaveChangesAsync(s.Ct);
        return TypedResults.Ok(await AskedOf(s, agency, inspectionId, body));
    }

    /// <summary>The lead selects at least 5 of the 30 for the partnership to audit (¶99).</summary>
    public static async Task<Results<Ok<SelectionView>, NotFound, ValidationProblem>> SelectForAudit(
        Guid inspectionId, ChildIdsRequest request, [AsParameters] CaseSelectionServices s)
    {
        var selected = await s.Selected(inspectionId);
        CaseSelectionRules.EnsureThirtySelectedForAudit(selected.Count);
        var errors = request.Check(selected.ContainsKey, "is not among the 30 selected children (¶99)");
        var ids = request.Ids;
        CaseSelectionRules.CheckForAudit(errors, ids.Count);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var now = s.Clock.GetUtcNow();
        foreach (var child in selected.Values) child.ChooseForAudit(ids.Contains(child.ChildId), now);
        await s.Db.Delivered(s.Outbox, inspectionId, AnnexAItems.SelectionForAudit, AnnexAItems.Ofsted, s.User.Id(), now, $"{ids.Count} children selected for audit", s.Ct);
        await s.Db.SaveChangesAsync(s.Ct);
        return TypedResults.Ok(await View(s, inspectionId, await s.Profiles(inspectionId)));
    }

    private static async Task<List<AskedChild>> AskedOf(CaseSelectionServices s, string agency, Guid inspectionId, string? healthBody = null)
    {
        var askedAll = CaseSelectionRules.QuestionsFor(agency).Length > 0;
        var selected = await s.Db.Set<SelectedChild>().AsNoTracking()
            .Where(c => c.InspectionId == inspectionId && (askedAll || c.ForAudit))
            .OrderBy(c => c.ChildId).ToListAsync(s.Ct);
        var profiles = await s.Profiles(inspectionId);
        var asked = selected.Select(c => AskedChild.For(agency, c, profiles.GetValueOrDefault(c.ChildId), healthBody)).ToList();
        if (asked.Count > 0)
            await s.Audit.Record(s.User, inspectionId, "case-selection asked", $"{asked.Count} children asked of {agency}", s.Ct);
        return asked;
    }

    private static async Task<SelectionView> View(CaseSelectionServices s, Guid inspectionId, IReadOnlyDictionary<string, ChildProfile> profiles)
    {
        var selected = await s.Db.Set<SelectedChild>().AsNoTracking().Where(c => c.InspectionId == inspectionId).OrderBy(c => c.ChildId).ToListAsync(s.Ct);
        var views = selected.Select(c => SelectedChildView.Of(c, profiles.GetValueOrDefault(c.ChildId))).ToList();
        await s.Audit.Record(s.User, inspectionId, "case-selection", $"{views.Count} selected children", s.Ct);
        return new SelectionView(views.Count, views.Count(v => v.ForAudit), views,
            BalancedSample.Of(views.Where(v => v.Profile is not null).Select(v => v.Profile!), s.Today));
    }
}
