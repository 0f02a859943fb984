using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Inspectorate.Evidence;

/// <summary>
/// Inspectors mark their evidence record complete, and reopen it when the lead directs further evidence
/// (¶74–75). Each change tells the orchestrator whether the inspectorate's records are now all complete:
/// its evidence-complete milestone is met by the inspectorates' completeness, not asked for or marked by hand.
/// </summary>
public sealed class EvidenceCompletions(InspectorateDbContext db, IOutbox outbox, TimeProvider clock)
{
    public async Task<MemberCompletenessView> Complete(string inspectorate, Guid inspectionId, string userId, CancellationToken ct)
    {
        var member = await db.TeamMembers.SingleAsync(m => m.InspectionId == inspectionId && m.UserId == userId, ct);
        EvidenceCompletion.EnsureKeptBy(member);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockInspection(inspectionId, ct);
        var completion = await db.Set<EvidenceCompletion>().FindAsync([inspectionId, userId], ct);
        if (completion is null)
        {
            db.Add(completion = new EvidenceCompletion { InspectionId = inspectionId, UserId = userId, CompletedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            await PublishCompleteness(inspectorate, inspectionId, ct);
        }
        await tx.CommitAsync(ct);
        var records = await db.Set<EvidenceRecord>().CountAsync(r => r.InspectionId == inspectionId && r.AuthorId == userId, ct);
        return new MemberCompletenessView(userId, member.Name, member.TeamRole, true, completion.CompletedAt, records);
    }

    /// <summary>The lead directs further evidence (¶75): the inspector reopens their record.</summary>
    public async Task Reopen(string inspectorate, Guid inspectionId, string userId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockInspection(inspectionId, ct);
        if (await db.Set<EvidenceCompletion>().Where(c => c.InspectionId == inspectionId && c.UserId == userId).ExecuteDeleteAsync(ct) > 0)
            await PublishCompleteness(inspectorate, inspectionId, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Two inspectors completing at once must each see the other: the inspection's row orders them.</summary>
    private Task LockInspection(Guid inspectionId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM inspections WHERE inspection_id = {inspectionId} FOR UPDATE", ct);

    private async Task PublishCompleteness(string inspectorate, Guid inspectionId, CancellationToken ct)
    {
        var view = await EvidenceRules.Completeness(db, inspectorate, inspectionId, ct);
        var completedAt = view.Complete ? view.Members.Max(m => m.CompletedAt) : null;
        outbox.Publish(new EvidenceCompletenessChanged(inspectionId, inspectorate, view.Complete, completedAt, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
