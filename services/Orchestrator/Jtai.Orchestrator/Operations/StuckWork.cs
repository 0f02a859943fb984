using System.Globalization;
using Jtai.Messaging.Monitoring;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults.Paging;
using Microsoft.Extensions.Options;

namespace Jtai.Orchestrator.Operations;

/// <param name="Sequence">Its place in its service's outbox.</param>
public sealed record StuckOutboxView(string Service, Guid MessageId, string MessageType, Guid? InspectionId, DateTimeOffset CreatedAt,
    int Attempts, string? LastError, string? TraceId, long Sequence);

public sealed record OverdueDeadlineView(string Service, string Key, string MessageType, Guid? InspectionId, DateTimeOffset DueAt);

/// <param name="OverdueMilestones">Statutory milestones past due and not met, of inspections still running (orchestrator).</param>
/// <param name="OverdueDeadlines">Deadline rows the platform has not fired in time, in any service.</param>
/// <param name="StuckOutbox">Outbox rows unpublished for longer than the threshold, in any service.</param>
/// <param name="Unavailable">Services that did not answer: their stuck work is unknown, not absent.</param>
public sealed record StuckWorkView(Page<OverdueMilestone> OverdueMilestones, Page<OverdueDeadlineView> OverdueDeadlines,
    Page<StuckOutboxView> StuckOutbox, IReadOnlyList<ServiceFlowStatus> Unavailable);

/// <summary>
/// The stuck-work view's query: one page size (<c>?limit=</c>) for its three lists and each list's own cursor
/// (<c>?milestonesAfter=&amp;deadlinesAfter=&amp;outboxAfter=</c>, each the <c>next</c> of that list's previous page).
/// </summary>
public sealed record StuckWorkQuery(int? Limit, string? MilestonesAfter, string? DeadlinesAfter, string? OutboxAfter)
{
    public PageQuery Milestones => new(Limit, MilestonesAfter);
    public PageQuery Deadlines => new(Limit, DeadlinesAfter);
    public PageQuery Outbox => new(Limit, OutboxAfter);

    /// <summary>Problems naming the field, or null when the query is usable.</summary>
    public Dictionary<string, string[]>? Problems()
    {
        var problems = new Dictionary<string, string[]>();
        Name(problems, Milestones.Problems<InstantNameCursor>(), "milestonesAfter");
        Name(problems, Deadlines.Problems<ServicesCursor>(), "deadlinesAfter");
        Name(problems, Outbox.Problems<ServicesCursor>(), "outboxAfter");
        // A stuck row's key is its outbox sequence: another list's cursor would be refused by the service.
        if (!problems.ContainsKey("outboxAfter") && Outbox.AfterAs<ServicesCursor>() is { } outbox && !MessageLogStatus.IsSequenceKey(outbox.Key))
            problems["outboxAfter"] = [Unknown("outboxAfter")];
        return problems.Count == 0 ? null : problems;
    }

    private static void Name(Dictionary<string, string[]> into, Dictionary<string, string[]>? found, string after)
    {
        if (found is null) return;
        foreach (var (field, messages) in found)
            into[field == "after" ? after : field] = field == "after" ? [Unknown(after)] : messages;
    }

    private static string Unknown(string field) => $"'{field}' is not a cursor this list gave out; use the 'next' of the list's previous page.";
}

/// <summary>Work that is late across all inspections: overdue milestones and deadline rows, stuck outbox rows, each a page at a time.</summary>
public sealed class StuckWork(OrchestratorDbContext db, TimeProvider clock, ServiceMessageLogs logs, IOptions<ThresholdOptions> options)
{
    /// <summary>A page of each list (call after the query's problems are checked).</summary>
    public async Task<StuckWorkView> Now(StuckWorkQuery query, CancellationToken ct)
    {
        var milestones = await OverdueMilestones.Paged(db, clock, query.Milestones, ct);
        var answers = await logs.Status(options.Value.OldestUnpublished, query.Outbox.Size + 1,
            query.Outbox.AfterAs<ServicesCursor>(), query.Deadlines.AfterAs<ServicesCursor>(), ct);
        var answered = answers.Where(a => a.Reply is not null).ToList();
        var deadlines = answered.SelectMany(a => a.Reply!.OverdueDeadlines.Select(d => new OverdueDeadlineView(a.Service, d.Key, d.MessageType,
            Guid.TryParse(d.InspectionId, out var i) ? i : null, d.DueAt.ToDateTimeOffset())));
        var stuck = answered.SelectMany(a => a.Reply!.StuckOutbox.Select(s => new StuckOutboxView(a.Service, Guid.Parse(s.MessageId), s.MessageType,
            Guid.TryParse(s.InspectionId, out var i) ? i : null, s.CreatedAt.ToDateTimeOffset(), s.Attempts,
            string.IsNullOrEmpty(s.LastError) ? null : s.LastError, string.IsNullOrEmpty(s.TraceId) ? null : s.TraceId, long.Parse(s.Key, CultureInfo.InvariantCulture))));
        return new StuckWorkView(
            milestones,
            GatheredLists.Merge(query.Deadlines, deadlines, d => d.DueAt, d => d.Key, d => d.Service),
            GatheredLists.Merge(query.Outbox, stuck, s => s.CreatedAt, s => MessageLogStatus.SequenceKey(s.Sequence), s => s.Service),
            answers.Where(a => a.Reply is null).Select(a => new ServiceFlowStatus(a.Service, "unavailable", a.Error)).ToList());
    }
}
