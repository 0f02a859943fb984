using Jtai.Contracts.Flow;
using Microsoft.Extensions.Options;

namespace Jtai.Orchestrator.Operations;

public sealed record ServiceMessagingView(string Service, string Status, string? Detail, long OutboxBacklog,
    double OldestUnpublishedAgeSeconds, long DeadlinesDue, long DeadlinesOverdue, TimeSpan? RetentionPeriod);

/// <param name="Thresholds">Every threshold judged now, breached ones first.</param>
public sealed record OperationsStatusView(DateTimeOffset CheckedAt, bool AnyBreached, IReadOnlyList<ThresholdView> Thresholds,
    IReadOnlyList<ServiceHealthView> Services, IReadOnlyList<ServiceMessagingView> Messaging, IReadOnlyList<DeadLetterQueueView> ErrorQueues);

/// <summary>
/// The console's first page: each process's health and readiness, each service's outbox and
/// deadline rows, every error queue, and the thresholds judged on them.
/// </summary>
public sealed class OperationsStatus(ServiceHealth health, ServiceMessageLogs logs, DeadLetters deadLetters,
    IOptions<ThresholdOptions> options)
{
    private readonly TimeProvider _realTime = TimeProvider.System;

    public async Task<OperationsStatusView> Now(CancellationToken ct)
    {
        var limits = options.Value;
        var probing = health.Probe(ct);
        var asking = logs.Status(limits.OldestUnpublished, 1, null, null, ct);
        var queues = await deadLetters.List(ct);
        var services = await probing;
        var messaging = await asking;

        var thresholds = services.Select(Thresholds.Readiness)
            .Concat(messaging.Where(m => m.Reply is not null).Select(m => Thresholds.Outbox(m.Service, m.Reply!, limits)))
            .Concat(queues.Select(q => Thresholds.Queue(q, limits)))
            .OrderByDescending(t => t.Breached).ThenBy(t => t.Rule).ThenBy(t => t.Subject).ToList();
        return new OperationsStatusView(_realTime.GetUtcNow(), thresholds.Any(t => t.Breached), thresholds, services,
            messaging.Select(View).ToList(), queues);
    }

    private static ServiceMessagingView View(ServiceMessageLogs.Answer<MessagingStatusReply> answer) => answer.Reply is { } r
        ? new ServiceMessagingView(answer.Service, "answered", null, r.OutboxBacklog, r.OldestUnpublishedAgeSeconds, r.DeadlinesDue,
            r.DeadlinesOverdue, TimeSpan.FromSeconds(r.RetentionSeconds))
        : new ServiceMessagingView(answer.Service, "unavailable", answer.Error, 0, 0, 0, 0, null);
}
