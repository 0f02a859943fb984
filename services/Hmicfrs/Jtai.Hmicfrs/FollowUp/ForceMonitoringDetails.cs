using Jtai.Hmicfrs.Data;
using Jtai.Inspectorate.FollowUp;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Hmicfrs.FollowUp;

public sealed record RevisitView(DateOnly On, string Kind, string Focus, string ScheduledBy);

public sealed record ForceMonitoringView(
    string? Concern, IReadOnlyList<string> Recommendations, DateOnly? ReportPublishedOn, DateOnly? PolicingBodyCommentsPublishedOn,
    string? EscalationReason, string? EscalationDetail,
    DateOnly? HmiMeetingOn, string? ChiefConstable, string? PoliceAndCrimeCommissioner, string? ActionsIdentified,
    DateOnly? RootCauseAnalysisReceivedOn, string? RootCauseAnalysis, DateOnly? ImprovementPlanReceivedOn, string? ImprovementPlan,
    string? ImprovementRequired, string? ImprovementRequiredSetBy,
    DateOnly? DisengagedOn, string? DisengagementDecision, string? DisengagementEvidence, string? DisengagedBy,
    IReadOnlyList<RevisitView> Revisits);

/// <summary>What the force is asked: the cause of concern, its recommendations, the improvement required and the revisits.</summary>
public sealed record ForceMonitoringPartnerView(
    string? Concern, IReadOnlyList<string> Recommendations, string? ImprovementRequired, IReadOnlyList<RevisitView> Revisits);

public sealed class ForceMonitoringDetails(HmicfrsDbContext db) : IFollowUpDetails
{
    public ILifecycle Lifecycle => ForceMonitoring.Lifecycle;
    public IReadOnlyList<string> AddressedTo { get; } = [Agencies.Police, Agencies.Masa];

    public async Task<object?> ForStaff(FollowUpCase followUp, CancellationToken ct)
    {
        var c = await db.Set<CauseOfConcern>().AsNoTracking().SingleAsync(x => x.FollowUpId == followUp.Id, ct);
        return new ForceMonitoringView(c.Concern, c.Recommendations, c.ReportPublishedOn, c.PolicingBodyCommentsPublishedOn,
            c.EscalationReason, c.EscalationDetail, c.HmiMeetingOn, c.ChiefConstable, c.PoliceAndCrimeCommissioner, c.ActionsIdentified,
            c.RootCauseAnalysisReceivedOn, c.RootCauseAnalysis, c.ImprovementPlanReceivedOn, c.ImprovementPlan,
            c.ImprovementRequired, c.ImprovementRequiredSetBy, c.DisengagedOn, c.DisengagementDecision, c.DisengagementEvidence, c.DisengagedBy,
            await Revisits(followUp.Id, ct));
    }

    public async Task<object?> ForPartner(FollowUpCase followUp, CancellationToken ct)
    {
        var c = await db.Set<CauseOfConcern>().AsNoTracking().SingleAsync(x => x.FollowUpId == followUp.Id, ct);
        return new ForceMonitoringPartnerView(c.Concern, c.Recommendations, c.ImprovementRequired, await Revisits(followUp.Id, ct));
    }

    private Task<List<RevisitView>> Revisits(Guid followUpId, CancellationToken ct) =>
        db.Set<Revisit>().AsNoTracking().Where(r => r.FollowUpId == followUpId).OrderBy(r => r.On)
            .Select(r => new RevisitView(r.On, r.Kind, r.Focus, r.ScheduledBy)).ToListAsync(ct);
}
