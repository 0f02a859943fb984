using System.Globalization;
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

/// <summary>
/// Where a list gathered from several services stopped, as this service reads on: its rows after this moment and
/// key, or from that very row when <paramref name="Inclusive"/> (the list stopped in a service ordered before this one).
/// </summary>
public sealed record RowPosition(DateTimeOffset At, string Key, bool Inclusive);

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

    /// <summary>
    /// Unpublished outbox rows written at least <paramref name="olderThan"/> ago, oldest first (then by sequence),
    /// after <paramref name="after"/> (its key is a <see cref="SequenceKey"/>).
    /// </summary>
    public Task<List<OutboxMessage>> StuckOutbox(TimeSpan olderThan, int limit, RowPosition? after, CancellationToken ct)
    {
        var before = clock.GetUtcNow() - olderThan;
        var rows = db.OutboxMessages.AsNoTracking().Where(m => m.PublishedAt == null && m.CreatedAt <= before);
        if (after is { } a)
        {
            var sequence = long.Parse(a.Key, NumberStyles.None, CultureInfo.InvariantCulture);
            rows = a.Inclusive
                ? rows.Where(m => m.CreatedAt > a.At || (m.CreatedAt == a.At && m.Sequence >= sequence))
                : rows.Where(m => m.CreatedAt > a.At || (m.CreatedAt == a.At && m.Sequence > sequence));
        }
        return rows.OrderBy(m => m.CreatedAt).ThenBy(m => m.Sequence).Take(limit).ToListAsync(ct);
    }

    /// <summary>A stuck row's key in its position: the sequence, zero-padded so its text sorts as its number.</summary>
    public static string SequenceKey(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);

    public static bool IsSequenceKey(string key) => key.Length == 19 && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    /// <summary>
    /// Deadline rows unfired longer than DeadlineOverdueAfter past their time, oldest first (then by key), after
    /// <paramref name="after"/>. Keys are compared byte by byte (collation "C"): the orchestrator merges the services'
    /// lists in that order, whatever the database's collation.
    /// </summary>
    public Task<List<Deadline>> OverdueDeadlines(int limit, RowPosition? after, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = now - options.Value.DeadlineOverdueAfter;
        var rows = Due(now).Where(d => d.DueAt <= before);
        if (after is { } a)
            rows = a.Inclusive
                ? rows.Where(d => d.DueAt > a.At || (d.DueAt == a.At && string.Compare(EF.Functions.Collate(d.Key, "C"), a.Key) >= 0))
                : rows.Where(d => d.DueAt > a.At || (d.DueAt == a.At && string.Compare(EF.Functions.Collate(d.Key, "C"), a.Key) > 0));
        return rows.OrderBy(d => d.DueAt).ThenBy(d => EF.Functions.Collate(d.Key, "C")).Take(limit).ToListAsync(ct);
    }

    private IQueryable<Deadline> Due(DateTimeOffset now) =>
        db.Deadlines.AsNoTracking().Where(d => d.FiredAt == null && d.CancelledAt == null && d.DueAt <= now);
}
