using Jtai.Messaging.Data;
using Jtai.Messaging.Deadlines;
using Jtai.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jtai.Messaging.Monitoring;

public sealed class MonitoringOptions
{
    /// <summary>How often the gauges' figures are read from the database.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>A deadline row still unfired this long after its time counts as overdue (the poller is not keeping up).</summary>
    public TimeSpan DeadlineOverdueAfter { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>An unpublished outbox row older than this is logged as a warning (the operators' threshold).</summary>
    public TimeSpan OldestUnpublishedWarning { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>A threshold still breached is logged again after this long.</summary>
    public TimeSpan WarningRepeat { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>One reading of the service's message log: what waits in the outbox and the deadline rows.</summary>
public sealed record MessageLogSample(
    DateTimeOffset TakenAt, long OutboxBacklog, DateTimeOffset? OldestUnpublishedAt, TimeSpan OldestUnpublishedAge,
    long DeadlinesDue, long DeadlinesOverdue);

/// <summary>
/// Reads the state of this service's outbox and deadline rows: for the gauges, and for the
/// operators' view of stuck work across services. Ages are measured with the injected clock,
/// the one that stamped the rows.
/// </summary>
public sealed class MessageLogStatus(MessagingDbContext db, TimeProvider clock, IOptions<MonitoringOptions> options)
{
    public async Task<MessageLogSample> Sample(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var unpublished = db.OutboxMessages.AsNoTracking().Where(m => m.PublishedAt == null);
        var backlog = await unpublished.LongCountAsync(ct);
        var oldest = backlog == 0 ? null : await unpublished.MinAsync(m => (DateTimeOffset?)m.CreatedAt, ct);

        var overdueBefore = now - options.Value.DeadlineOverdueAfter;
        var due = Due(now);
        var dueCount = await due.LongCountAsync(ct);
        var overdueCount = dueCount == 0 ? 0 : await due.LongCountAsync(d => d.DueAt <= overdueBefore, ct);

        var age = oldest is { } o && now > o ? now - o : TimeSpan.Zero;
        return new MessageLogSample(now, backlog, oldest, age, dueCount, overdueCount);
    }

    /// <summary>Unpublished outbox rows written at least <paramref name="olderThan"/> ago, oldest first.</summary>
    public Task<List<OutboxMessage>> StuckOutbox(TimeSpan olderThan, int limit, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - olderThan;
        return db.OutboxMessages.AsNoTracking()
            .Where(m => m.PublishedAt == null && m.CreatedAt <= before)
            .OrderBy(m => m.Sequence).Take(limit).ToListAsync(ct);
    }

    /// <summary>Deadline rows unfired longer than DeadlineOverdueAfter past their time, oldest first.</summary>
    public Task<List<Deadline>> OverdueDeadlines(int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = now - options.Value.DeadlineOverdueAfter;
        return Due(now).Where(d => d.DueAt <= before).OrderBy(d => d.DueAt).Take(limit).ToListAsync(ct);
    }

    private IQueryable<Deadline> Due(DateTimeOffset now) =>
        db.Deadlines.AsNoTracking().Where(d => d.FiredAt == null && d.CancelledAt == null && d.DueAt <= now);
}
