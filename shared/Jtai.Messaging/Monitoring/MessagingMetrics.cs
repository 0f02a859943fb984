using System.Diagnostics.Metrics;

namespace Jtai.Messaging.Monitoring;

/// <summary>
/// The platform's own messaging metrics (meter "Jtai.Messaging", exported over OTLP with the
/// service's name as resource): what the outbox has not yet published and for how long, publish
/// failures, inbox duplicates, consumer failures and retries, deadlines and the message log's purge.
/// Counters are counted where things happen; the gauges read the last <see cref="MessageLogSample"/>,
/// never the database from the exporter's thread.
/// </summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "Jtai.Messaging";

    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _inboxDuplicates;
    private readonly Counter<long> _consumerFailures;
    private readonly Counter<long> _consumerRetries;
    private readonly Counter<long> _deadlinesFired;
    private readonly Counter<long> _purgeRuns;
    private readonly Counter<long> _purgedRows;
    private volatile MessageLogSample? _sample;

    public MessagingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _publishFailures = meter.CreateCounter<long>("jtai.outbox.publish.failures", "{attempt}",
            "Outbox publish attempts that failed (the row stays and is retried).");
        _inboxDuplicates = meter.CreateCounter<long>("jtai.inbox.duplicates", "{message}",
            "Deliveries the inbox recognised as already handled and acknowledged without effect.");
        _consumerFailures = meter.CreateCounter<long>("jtai.consumer.failures", "{attempt}",
            "Consume attempts that failed and rolled back.");
        _consumerRetries = meter.CreateCounter<long>("jtai.consumer.retries", "{attempt}",
            "Consume attempts that were retries of an earlier failure.");
        _deadlinesFired = meter.CreateCounter<long>("jtai.deadlines.fired", "{deadline}",
            "Deadline rows that fell due and were turned into their message.");
        _purgeRuns = meter.CreateCounter<long>("jtai.message_log.purge.runs", "{run}",
            "Runs of the message log's retention purge.");
        _purgedRows = meter.CreateCounter<long>("jtai.message_log.purged", "{row}",
            "Message log rows deleted by the retention purge, per table.");

        meter.CreateObservableGauge("jtai.outbox.backlog", () => Observe(s => s.OutboxBacklog), "{message}",
            "Outbox rows not yet published.");
        meter.CreateObservableGauge("jtai.outbox.oldest_unpublished.age", () => Observe(s => s.OldestUnpublishedAge.TotalSeconds), "s",
            "Age of the oldest outbox row not yet published (0 when none waits).");
        meter.CreateObservableGauge("jtai.deadlines.due", () => Observe(s => s.DeadlinesDue), "{deadline}",
            "Deadline rows whose time has come and that have not fired yet.");
        meter.CreateObservableGauge("jtai.deadlines.overdue", () => Observe(s => s.DeadlinesOverdue), "{deadline}",
            "Deadline rows still unfired longer than Messaging:Monitoring:DeadlineOverdueAfter after their time.");
    }

    /// <summary>The last sample taken by <see cref="MessageLogSampler"/> (null before the first).</summary>
    public MessageLogSample? LastSample => _sample;

    internal void Record(MessageLogSample sample) => _sample = sample;

    public void PublishFailed(string messageType) =>
        _publishFailures.Add(1, new KeyValuePair<string, object?>("messaging.message.type", ShortName(messageType)));

    public void DuplicateSuppressed(string consumer) =>
        _inboxDuplicates.Add(1, new KeyValuePair<string, object?>("messaging.consumer", consumer));

    public void ConsumeFailed(string consumer, string messageType) =>
        _consumerFailures.Add(1, new KeyValuePair<string, object?>("messaging.consumer", consumer),
            new KeyValuePair<string, object?>("messaging.message.type", ShortName(messageType)));

    public void ConsumeRetried(string consumer) =>
        _consumerRetries.Add(1, new KeyValuePair<string, object?>("messaging.consumer", consumer));

    public void DeadlinesFired(int count)
    {
        if (count > 0) _deadlinesFired.Add(count);
    }

    public void PurgeRan(IReadOnlyDictionary<string, int> deletedPerTable)
    {
        _purgeRuns.Add(1);
        foreach (var (table, rows) in deletedPerTable)
            _purgedRows.Add(rows, new KeyValuePair<string, object?>("db.table", table));
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<MessageLogSample, T> value) where T : struct =>
        _sample is { } sample ? [new Measurement<T>(value(sample))] : [];

    private static string ShortName(string type) => type[(type.LastIndexOf('.') + 1)..];
}
