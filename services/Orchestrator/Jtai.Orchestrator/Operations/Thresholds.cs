using System.Globalization;
using Jtai.Contracts.Flow;

namespace Jtai.Orchestrator.Operations;

public sealed class ThresholdOptions
{
    public const string Section = "Operations:Thresholds";
    /// <summary>An outbox whose oldest unpublished row is older than this is behind.</summary>
    public TimeSpan OldestUnpublished { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>An error queue holding more messages than this needs an operator (0: any message).</summary>
    public long ErrorQueueMessages { get; set; }
    /// <summary>How often the orchestrator checks error queues and readiness in the background (and logs warnings).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>A threshold still breached is logged again after this long.</summary>
    public TimeSpan WarningRepeat { get; set; } = TimeSpan.FromMinutes(5);
}

/// <param name="Rule">outbox-oldest-unpublished | error-queue-messages | service-not-ready</param>
/// <param name="Subject">the service, queue or process it is about</param>
public sealed record ThresholdView(string Rule, string Subject, bool Breached, string Value, string Limit, string Message);

/// <summary>The three things an operator must see at a glance, each judged against its limit.</summary>
public static class Thresholds
{
    public const string OldestUnpublished = "outbox-oldest-unpublished";
    public const string ErrorQueue = "error-queue-messages";
    public const string NotReady = "service-not-ready";

    public static ThresholdView Outbox(string service, MessagingStatusReply status, ThresholdOptions limits)
    {
        var age = TimeSpan.FromSeconds(status.OldestUnpublishedAgeSeconds);
        var breached = age > limits.OldestUnpublished;
        return new ThresholdView(OldestUnpublished, service, breached, Seconds(age), Seconds(limits.OldestUnpublished),
            breached
                ? $"{service}: the oldest of {status.OutboxBacklog} unpublished messages is {Seconds(age)} old"
                : $"{service}: {status.OutboxBacklog} unpublished");
    }

    public static ThresholdView Queue(DeadLetterQueueView queue, ThresholdOptions limits)
    {
        var breached = queue.Messages > limits.ErrorQueueMessages;
        return new ThresholdView(ErrorQueue, queue.Queue, breached, queue.Messages.ToString(CultureInfo.InvariantCulture),
            limits.ErrorQueueMessages.ToString(CultureInfo.InvariantCulture),
            breached ? $"{queue.Messages} message(s) in {queue.Queue}: replay once the fault is fixed" : $"{queue.Queue} is empty");
    }

    public static ThresholdView Readiness(ServiceHealthView health) =>
        new(NotReady, health.Service, !health.Ready, health.Status, "ready",
            health.Ready ? $"{health.Service} is ready ({health.Status})"
                : $"{health.Service} is not ready: {health.Status}" + (health.Detail is null ? "" : $" ({health.Detail})"));

    private static string Seconds(TimeSpan t) => $"{Math.Round(t.TotalSeconds)} s";
}
