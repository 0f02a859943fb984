using System.Security.Claims;
using Jtai.Contracts.InformationRequests;
using Jtai.Messaging.Data;
using Jtai.Messaging.Outbox;
using Jtai.Ofsted.Data;
using Jtai.Ofsted.InformationExchange;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.CaseSelection;

public sealed record ChildIdsRequest(List<string?>? ChildIds);
public sealed record ChildAnswer(string? ChildId, bool? ChildKnownToPolice, bool? ParentsOrCarersKnownToPolice, bool? HealthSupportBeyondUniversalServices);
public sealed record AnswersRequest(List<ChildAnswer?>? Answers);

public sealed record ProposalView(int Size, List<ChildProfile> Children, Balance Balance, Balance Population);
public sealed record SelectedChildView(
    string ChildId, ChildProfile? Profile, bool? ChildKnownToPolice, bool? ParentsOrCarersKnownToPolice, DateTimeOffset? PoliceAnsweredAt,
    bool? HealthSupportBeyondUniversalServices, DateTimeOffset? HealthAnsweredAt, bool ForAudit);
public sealed record SelectionView(int Selected, int ForAudit, List<SelectedChildView> Children, Balance Balance);
/// <summary>What a partner is asked about one child: enough to find the child in its own records, and its answers so far.</summary>
public sealed record AskedChild(string ChildId, DateOnly? DateOfBirth, string? Gender, int Age, IReadOnlyList<string> Questions,
    bool? ChildKnownToPolice, bool? ParentsOrCarersKnownToPolice, bool? HealthSupportBeyondUniversalServices, bool ForAudit);

/// <summary>
/// Case selection (¶97–99): the platform proposes a balanced 30 and shows the balance of any set;
/// the lead selects 30; police and health answer for each of them; the lead selects at least 5 of
/// the 30 for the partnership to audit.
/// </summary>
public static class CaseSelectionApi
{
    public const int Thirty = 30;
    public const int AtLeastForAudit = 5;
    public static readonly string[] PoliceQuestions = ["childKnownToPolice", "parentsOrCarersKnownToPolice"];
    public static readonly string[] HealthQuestions = ["healthSupportBeyondUniversalServices"];

    public static async Task<Results<Ok<ProposalView>, NotFound, ValidationProblem>> Proposal(
        Guid inspectionId, [FromQuery] int? size, ClaimsPrincipal user, OfstedDbContext db, ChildDataAudit audit, TimeProvider clock, CancellationToken ct)
    {
        if (size is < 1 or > 500) return FileProblems.Field("size", "'size' must be from 1 to 500.");
        var today = Today(clock);
        var children = await ChildProfiles.Load(db, inspectionId, ct);
        var proposal = BalancedSample.Propose(children, size ?? Thirty, today);
        await audit.Record(user, inspectionId, "case-selection proposal", $"{proposal.Count} children proposed of {children.Count}", ct);
        return TypedResults.Ok(new ProposalView(proposal.Count, proposal, BalancedSample.Of(proposal, today), BalancedSample.Of(children, today)));
    }

    /// <summary>The balance of any set of children the lead is considering (no personal data in the answer).</summary>
    public static async Task<Results<Ok<Balance>, NotFound, ValidationProblem>> BalanceOf(
        Guid inspectionId, ChildIdsRequest request, ClaimsPrincipal user, OfstedDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var children = (await ChildProfiles.Load(db, inspectionId, ct)).ToDictionary(c => c.ChildId, StringComparer.Ordinal);
        var errors = CheckIds(request.ChildIds, children.ContainsKey, "is not on the current lists 1–5");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        return TypedResults.Ok(BalancedSample.Of(request.ChildIds!.Distinct().Select(id => children[id!]), Today(clock)));
    }

    /// <summary>The lead selects the 30 (¶97); selecting again replaces the 30 until the audit selection is made.</summary>
    public static async Task<Results<Ok<SelectionView>, NotFound, ValidationProblem>> SelectThirty(
        Guid inspectionId, ChildIdsRequest request, ClaimsPrincipal user, OfstedDbContext db, IOutbox outbox, TimeProvider clock,
        ChildDataAudit audit, CancellationToken ct)
    {
        var children = (await ChildProfiles.Load(db, inspectionId, ct)).ToDictionary(c => c.ChildId, StringComparer.Ordinal);
        var errors = CheckIds(request.ChildIds, children.ContainsKey, "is not on the current lists 1–5");
        var ids = request.ChildIds?.Where(id => id is not null).Select(id => id!).Distinct().ToList() ?? [];
        if (!errors.Any && ids.Count != Thirty)
            errors.Add("childIds", $"The lead inspector selects {Thirty} different children (¶97); {ids.Count} given.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var existing = db.Set<SelectedChild>().Where(c => c.InspectionId == inspectionId);
        if (await existing.AnyAsync(c => c.ForAudit, ct))
            throw new DomainRuleException("audit-selection-made", "The children for audit are already selected from these 30 (¶99); the 30 can no longer change.");

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        await existing.Where(c => !ids.Contains(c.ChildId)).ExecuteDeleteAsync(ct);
        var kept = await existing.Select(c => c.ChildId).ToListAsync(ct);
        foreach (var id in ids.Except(kept))
            db.Set<SelectedChild>().Add(new SelectedChild { InspectionId = inspectionId, ChildId = id, SelectedAt = now, SelectedBy = user.Id() });
        await db.Delivered(outbox, inspectionId, AnnexAItems.SelectionOfThirty, AnnexAItems.Ofsted, user.Id(), now, $"{Thirty} children selected", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(await View(db, inspectionId, children, clock, user, audit, ct));
    }

    /// <summary>The selection with the answers: the inspection team's view (child-level data, audited).</summary>
    public static async Task<Results<Ok<SelectionView>, NotFound>> Get(
        Guid inspectionId, ClaimsPrincipal user, OfstedDbContext db, TimeProvider clock, ChildDataAudit audit, CancellationToken ct)
    {
        var children = (await ChildProfiles.Load(db, inspectionId, ct)).ToDictionary(c => c.ChildId, StringComparer.Ordinal);
        return TypedResults.Ok(await View(db, inspectionId, children, clock, user, audit, ct));
    }

    /// <summary>What a partner is asked: police and health the 30 with their questions (¶98); every partner, once chosen, the children for audit.</summary>
    public static async Task<Ok<List<AskedChild>>> Asked(
        Guid inspectionId, ClaimsPrincipal user, Standing standing, OfstedDbContext db, ChildDataAudit audit, CancellationToken ct)
    {
        return TypedResults.Ok(await AskedOf(standing.Agency!, inspectionId, user, db, audit, ct));
    }

    /// <summary>Police or health answer for some or all of the 30 (¶98); the item is delivered once all 30 are answered.</summary>
    public static async Task<Results<Ok<List<AskedChild>>, NotFound, ValidationProblem>> Answer(
        Guid inspectionId, AnswersRequest request, ClaimsPrincipal user, Standing standing, OfstedDbContext db, IOutbox outbox, TimeProvider clock,
        ChildDataAudit audit, CancellationToken ct)
    {
        var agency = standing.Agency!;

        var selected = await db.Set<SelectedChild>().Where(c => c.InspectionId == inspectionId).ToDictionaryAsync(c => c.ChildId, StringComparer.Ordinal, ct);
        if (selected.Count == 0)
            throw new DomainRuleException("thirty-not-selected", "The lead inspector has not yet selected the 30 children (¶97).");
        var errors = new RequestErrors();
        if (request.Answers is null || request.Answers.Count == 0) errors.Add("answers", "'answers' must list at least one child's answers.");
        for (var i = 0; i < (request.Answers?.Count ?? 0); i++)
        {
            var a = request.Answers![i];
            var at = $"answers[{i}]";
            if (a is null) { errors.Add(at, "An answer is required."); continue; }
            if (!errors.Required(a.ChildId, $"{at}.childId")) continue;
            if (!selected.ContainsKey(a.ChildId)) errors.Add($"{at}.childId", $"Child '{a.ChildId}' is not among the 30 selected children.");
            if (agency == AnnexAItems.Police)
            {
                errors.Required(a.ChildKnownToPolice, $"{at}.childKnownToPolice");
                errors.Required(a.ParentsOrCarersKnownToPolice, $"{at}.parentsOrCarersKnownToPolice");
                if (a.HealthSupportBeyondUniversalServices is not null) errors.Add($"{at}.healthSupportBeyondUniversalServices", "Health answers this question, not the police.");
            }
            else
            {
                errors.Required(a.HealthSupportBeyondUniversalServices, $"{at}.healthSupportBeyondUniversalServices");
                if (a.ChildKnownToPolice is not null || a.ParentsOrCarersKnownToPolice is not null)
                    errors.Add(at, "The police answer whether the child and the parents or carers are known to them, not health.");
            }
        }
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var now = clock.GetUtcNow();
        foreach (var a in request.Answers!)
        {
            var child = selected[a!.ChildId!];
            if (agency == AnnexAItems.Police)
            {
                child.ChildKnownToPolice = a.ChildKnownToPolice;
                child.ParentsOrCarersKnownToPolice = a.ParentsOrCarersKnownToPolice;
                child.PoliceAnsweredBy = user.Id();
                child.PoliceAnsweredAt = now;
            }
            else
            {
                child.HealthSupportBeyondUniversalServices = a.HealthSupportBeyondUniversalServices;
                child.HealthAnsweredBy = user.Id();
                child.HealthAnsweredAt = now;
            }
        }
        var complete = selected.Values.All(c => agency == AnnexAItems.Police ? c.PoliceAnsweredAt is not null : c.HealthAnsweredAt is not null);
        if (complete)
            await db.Delivered(outbox, inspectionId, AnnexAItems.SelectionAnswers(agency), agency, user.Id(), now, $"Answers for all {selected.Count} children", ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await AskedOf(agency, inspectionId, user, db, audit, ct));
    }

    /// <summary>The lead selects at least 5 of the 30 for the partnership to audit (¶99).</summary>
    public static async Task<Results<Ok<SelectionView>, NotFound, ValidationProblem>> SelectForAudit(
        Guid inspectionId, ChildIdsRequest request, ClaimsPrincipal user, OfstedDbContext db, IOutbox outbox, TimeProvider clock,
        ChildDataAudit audit, CancellationToken ct)
    {
        var selected = await db.Set<SelectedChild>().Where(c => c.InspectionId == inspectionId).ToDictionaryAsync(c => c.ChildId, StringComparer.Ordinal, ct);
        if (selected.Count == 0)
            throw new DomainRuleException("thirty-not-selected", "Select the 30 children first (¶97); the children for audit are chosen from them (¶99).");
        var errors = CheckIds(request.ChildIds, selected.ContainsKey, "is not among the 30 selected children (¶99)");
        var ids = request.ChildIds?.Where(id => id is not null).Select(id => id!).Distinct().ToList() ?? [];
        if (!errors.Any && ids.Count < AtLeastForAudit)
            errors.Add("childIds", $"The lead inspector selects at least {AtLeastForAudit} of the 30 children for audit (¶99); {ids.Count} given.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var now = clock.GetUtcNow();
        foreach (var child in selected.Values)
        {
            var chosen = ids.Contains(child.ChildId);
            if (chosen && !child.ForAudit) child.ForAuditAt = now;
            child.ForAudit = chosen;
            if (!chosen) child.ForAuditAt = null;
        }
        await db.Delivered(outbox, inspectionId, AnnexAItems.SelectionForAudit, AnnexAItems.Ofsted, user.Id(), now, $"{ids.Count} children selected for audit", ct);
        await db.SaveChangesAsync(ct);
        var profiles = (await ChildProfiles.Load(db, inspectionId, ct)).ToDictionary(c => c.ChildId, StringComparer.Ordinal);
        return TypedResults.Ok(await View(db, inspectionId, profiles, clock, user, audit, ct));
    }

    private static async Task<List<AskedChild>> AskedOf(string agency, Guid inspectionId, ClaimsPrincipal user, OfstedDbContext db,
        ChildDataAudit audit, CancellationToken ct)
    {
        var questions = QuestionsFor(agency);
        var selected = await db.Set<SelectedChild>().AsNoTracking()
            .Where(c => c.InspectionId == inspectionId && (questions.Length > 0 || c.ForAudit))
            .OrderBy(c => c.ChildId).ToListAsync(ct);
        var profiles = (await ChildProfiles.Load(db, inspectionId, ct)).ToDictionary(c => c.ChildId, StringComparer.Ordinal);
        var asked = selected.Select(c =>
        {
            var p = profiles.GetValueOrDefault(c.ChildId);
            var police = agency == AnnexAItems.Police;
            var health = agency == AnnexAItems.Health;
            return new AskedChild(c.ChildId, p?.DateOfBirth, p?.Gender, p?.Age ?? 0, questions,
                police ? c.ChildKnownToPolice : null, police ? c.ParentsOrCarersKnownToPolice : null,
                health ? c.HealthSupportBeyondUniversalServices : null, c.ForAudit);
        }).ToList();
        if (asked.Count > 0)
            await audit.Record(user, inspectionId, "case-selection asked", $"{asked.Count} children asked of {agency}", ct);
        return asked;
    }

    private static string[] QuestionsFor(string agency) => agency switch
    {
        AnnexAItems.Police => PoliceQuestions,
        AnnexAItems.Health => HealthQuestions,
        _ => [],
    };

    private static RequestErrors CheckIds(List<string?>? ids, Func<string, bool> known, string unknownRule)
    {
        var errors = new RequestErrors();
        if (ids is null || ids.Count == 0) { errors.Add("childIds", "'childIds' must list the children."); return errors; }
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i])) errors.Add($"childIds[{i}]", "A child id is required.");
            else if (!known(ids[i]!)) errors.Add($"childIds[{i}]", $"Child '{ids[i]}' {unknownRule}.");
        }
        return errors;
    }

    private static async Task<SelectionView> View(OfstedDbContext db, Guid inspectionId, IReadOnlyDictionary<string, ChildProfile> profiles,
        TimeProvider clock, ClaimsPrincipal user, ChildDataAudit audit, CancellationToken ct)
    {
        var selected = await db.Set<SelectedChild>().AsNoTracking().Where(c => c.InspectionId == inspectionId).OrderBy(c => c.ChildId).ToListAsync(ct);
        var views = selected.Select(c => new SelectedChildView(c.ChildId, profiles.GetValueOrDefault(c.ChildId), c.ChildKnownToPolice,
            c.ParentsOrCarersKnownToPolice, c.PoliceAnsweredAt, c.HealthSupportBeyondUniversalServices, c.HealthAnsweredAt, c.ForAudit)).ToList();
        await audit.Record(user, inspectionId, "case-selection", $"{views.Count} selected children", ct);
        return new SelectionView(views.Count, views.Count(v => v.ForAudit), views,
            BalancedSample.Of(views.Where(v => v.Profile is not null).Select(v => v.Profile!), Today(clock)));
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
