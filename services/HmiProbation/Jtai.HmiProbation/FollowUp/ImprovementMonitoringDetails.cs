using Jtai.HmiProbation.Data;
using Jtai.Inspectorate.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace Jtai.HmiProbation.FollowUp;

public sealed record ProgressEntryView(DateOnly On, string Kind, string Note, string RecordedBy);

public sealed record ImprovementMonitoringView(string? RequestedOf, DateOnly? DueOn, DateOnly? ReceivedOn, string? Summary,
    string? ReturnedBecause, DateOnly? AcceptedOn, string? Decision, IReadOnlyList<ProgressEntryView> Progress);

/// <summary>What the service is asked: the plan, by when, why one was returned, and the inspections brought forward.</summary>
public sealed record ImprovementMonitoringPartnerView(DateOnly? DueOn, DateOnly? ReceivedOn, string? ReturnedBecause, DateOnly? AcceptedOn,
    IReadOnlyList<ProgressEntryView> InspectionsBroughtForward);

public sealed class ImprovementMonitoringDetails(HmiProbationDbContext db) : IFollowUpDetails
{
    public ILifecycle Lifecycle => ImprovementMonitoring.Lifecycle;

    /// <summary>The partner agencies HMI Probation's follow-up is addressed to (the registry's "followsUp").</summary>
    public IReadOnlyList<string> AddressedTo { get; } = [ImprovementMonitoringAgencies.YouthJustice, ImprovementMonitoringAgencies.Probation];

    public async Task<object?> ForStaff(FollowUpCase followUp, CancellationToken ct)
    {
        var p = await db.Set<ImprovementPlan>().AsNoTracking().SingleAsync(x => x.FollowUpId == followUp.Id, ct);
        return new ImprovementMonitoringView(p.RequestedOf, p.DueOn, p.ReceivedOn, p.Summary, p.ReturnedBecause, p.AcceptedOn, p.Decision,
            await Progress(followUp.Id, ct));
    }

    public async Task<object?> ForPartner(FollowUpCase followUp, CancellationToken ct)
    {
        var p = await db.Set<ImprovementPlan>().AsNoTracking().SingleAsync(x => x.FollowUpId == followUp.Id, ct);
        var brought = (await Progress(followUp.Id, ct)).Where(e => e.Kind != ImprovementMonitoring.ProgressReview).ToList();
        return new ImprovementMonitoringPartnerView(p.DueOn, p.ReceivedOn, p.ReturnedBecause, p.AcceptedOn, brought);
    }

    private Task<List<ProgressEntryView>> Progress(Guid followUpId, CancellationToken ct) =>
        db.Set<ProgressEntry>().AsNoTracking().Where(e => e.FollowUpId == followUpId).OrderBy(e => e.On).ThenBy(e => e.Id)
            .Select(e => new ProgressEntryView(e.On, e.Kind, e.Note, e.RecordedBy)).ToListAsync(ct);
}

/// <summary>The partner agencies HMI Probation inspects (programme note ¶2: the youth offending team, probation).</summary>
public static class ImprovementMonitoringAgencies
{
    public const string YouthJustice = "youth-justice";
    public const string Probation = "probation";
}
