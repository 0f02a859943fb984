using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jtai.Orchestrator.Operations;

public sealed record StuckOutboxView(string Service, Guid MessageId, string MessageType, Guid? InspectionId, DateTimeOffset CreatedAt,
    int Attempts, string? LastError, string? TraceId);

public sealed record OverdueDeadlineView(string Service, string Key, string MessageType, Guid? InspectionId, DateTimeOffset DueAt);

/// <param name="OverdueMilestones">Statutory milestones past due and not met, of inspections still running (orchestrator).</param>
/// <param name="OverdueDeadlines">Deadline rows the platform has not fired in time, in any service.</param>
/// <param name="StuckOutbox">Outbox rows unpublished for longer than the threshold, in any service.</param>
/// <param name="Unavailable">Services that did not answer: their stuck work is unknown, not absent.</param>
public sealed record StuckWorkView(IReadOnlyList<OverdueMilestone> OverdueMilestones, IReadOnlyList<OverdueDeadlineView> OverdueDeadlines,
    IReadOnlyList<StuckOutboxView> StuckOutbox, IReadOnlyList<ServiceFlowStatus> Unavailable);

/// <summary>Work that is late across all inspections: overdue milestones and deadline rows, stuck outbox rows.</summary>
public sealed class StuckWork(OrchestratorDbContext db, TimeProvider clock, ServiceMessageLogs logs, IOptions<ThresholdOptions> options)
{
    public async Task<StuckWorkView> Now(int limit, CancellationToken ct)
    {
        var milestones = await OverdueMilestones.Query(db, clock, null).Take(limit).ToListAsync(ct);
        var answers = await logs.Status(options.Value.OldestUnpublished, limit, ct);
        var answered = answers.Where(a => a.Reply is not null).ToList();
        return new StuckWorkView(
            milestones,
            answered.SelectMany(a => a.Reply!.OverdueDeadlines.Select(d => new OverdueDeadlineView(a.Service, d.Key, d.MessageType,
                Guid.TryParse(d.InspectionId, out var i) ? i : null, d.DueAt.ToDateTimeOffset()))).OrderBy(d => d.DueAt).ToList(),
            answered.SelectMany(a => a.Reply!.StuckOutbox.Select(s => new StuckOutboxView(a.Service, Guid.Parse(s.MessageId), s.MessageType,
                Guid.TryParse(s.InspectionId, out var i) ? i : null, s.CreatedAt.ToDateTimeOffset(), s.Attempts,
                string.IsNullOrEmpty(s.LastError) ? null : s.LastError, string.IsNullOrEmpty(s.TraceId) ? null : s.TraceId)))
                .OrderBy(s => s.CreatedAt).ToList(),
            answers.Where(a => a.Reply is null).Select(a => new ServiceFlowStatus(a.Service, "unavailable", a.Error)).ToList());
    }
}
