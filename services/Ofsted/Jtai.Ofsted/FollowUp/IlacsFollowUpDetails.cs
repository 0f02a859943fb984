using Jtai.Inspectorate.FollowUp;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.FollowUp;

public sealed record ActionPlanSubmissionView(string Stage, DateOnly ReceivedOn, DateTimeOffset? ReviewedAt, string? ReviewNotes, string? Outcome, string? OutcomeReason);
public sealed record MonitoringVisitView(DateOnly On, string Focus, string ScheduledBy);
public sealed record CoordinationView(
    IReadOnlyList<string> SharedWith, string? Note, DateTimeOffset? RecordedAt,
    IReadOnlyList<string> LetterSharedWithDepartments, DateOnly? LetterSharedOn,
    bool? RepeatJtai, string? RepeatJtaiReason, DateTimeOffset? RepeatJtaiDecidedAt);
public sealed record IlacsFollowUpView(
    DateTimeOffset? DfeInformedAt, string? DfeInformedBy, string? DfeContact, DateTimeOffset? ActionPlanRequestedAt, string ExpectedStage,
    IReadOnlyList<ActionPlanSubmissionView> ActionPlans, IReadOnlyList<MonitoringVisitView> MonitoringVisits, CoordinationView? Coordination);
/// <summary>What the local authority is asked: the plan expected, what became of the ones it sent, the visits to come.</summary>
public sealed record IlacsPartnerView(string ExpectedStage, IReadOnlyList<ActionPlanSubmissionView> ActionPlans, IReadOnlyList<MonitoringVisitView> MonitoringVisits);

public sealed class IlacsFollowUpDetails(OfstedDbContext db) : IFollowUpDetails
{
    public ILifecycle Lifecycle => IlacsActionPlan.Lifecycle;
    public IReadOnlyList<string> AddressedTo { get; } = [Agencies.LocalAuthority, Agencies.Education, Agencies.Masa];

    public async Task<object?> ForStaff(FollowUpCase followUp, CancellationToken ct)
    {
        var x = await db.Set<IlacsFollowUp>().AsNoTracking().SingleAsync(i => i.FollowUpId == followUp.Id, ct);
        return new IlacsFollowUpView(x.DfeInformedAt, x.DfeInformedBy, x.DfeContact, x.ActionPlanRequestedAt, x.ExpectedStage,
            await Plans(followUp.Id, ct), await Visits(followUp.Id, ct),
            followUp.Coordinated
                ? new CoordinationView(x.CoordinationSharedWith, x.CoordinationNote, x.CoordinationRecordedAt, x.LetterSharedWithDepartments,
                    x.LetterSharedOn, x.RepeatJtai, x.RepeatJtaiReason, x.RepeatJtaiDecidedAt)
                : null);
    }

    public async Task<object?> ForPartner(FollowUpCase followUp, CancellationToken ct)
    {
        var x = await db.Set<IlacsFollowUp>().AsNoTracking().SingleAsync(i => i.FollowUpId == followUp.Id, ct);
        return new IlacsPartnerView(x.ExpectedStage, await Plans(followUp.Id, ct), await Visits(followUp.Id, ct));
    }

    private Task<List<ActionPlanSubmissionView>> Plans(Guid id, CancellationToken ct) =>
        db.Set<ActionPlanSubmission>().AsNoTracking().Where(p => p.FollowUpId == id).OrderBy(p => p.Id)
            .Select(p => new ActionPlanSubmissionView(p.Stage, p.ReceivedOn, p.ReviewedAt, p.ReviewNotes, p.Outcome, p.OutcomeReason)).ToListAsync(ct);

    private Task<List<MonitoringVisitView>> Visits(Guid id, CancellationToken ct) =>
        db.Set<MonitoringVisit>().AsNoTracking().Where(v => v.FollowUpId == id).OrderBy(v => v.On)
            .Select(v => new MonitoringVisitView(v.On, v.Focus, v.ScheduledBy)).ToListAsync(ct);
}
