using System.Diagnostics.Metrics;
using Jtai.Messaging.Monitoring;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jtai.Orchestrator.Operations;

/// <summary>
/// The operations meter (Jtai.Operations, orchestrator): messages per _error queue, processes not
/// ready, statutory milestones overdue. The gauges read the watch's last check.
/// </summary>
public sealed class OperationsMetrics
{
    private volatile IReadOnlyList<DeadLetterQueueView> _queues = [];
    private volatile IReadOnlyList<ServiceHealthView> _health = [];
    private long _overdueMilestones = -1;

    public OperationsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create("Jtai.Operations");
        meter.CreateObservableGauge("jtai.error_queue.messages", ErrorQueues, "{message}", "Messages waiting in each _error queue.");
        meter.CreateObservableGauge("jtai.service.ready", Readiness, "1", "1 when the process's /health/ready answers 200, else 0.");
        meter.CreateObservableGauge("jtai.milestones.overdue", OverdueMilestones, "{milestone}",
            "Statutory milestones past due and not met, of inspections still running.");
    }

    private IEnumerable<Measurement<long>> ErrorQueues() =>
        _queues.Select(q => new Measurement<long>(q.Messages, new KeyValuePair<string, object?>("messaging.destination.name", q.Queue)));

    private IEnumerable<Measurement<int>> Readiness() =>
        _health.Select(h => new Measurement<int>(h.Ready ? 1 : 0, new KeyValuePair<string, object?>("jtai.process", h.Service)));

    private IEnumerable<Measurement<long>> OverdueMilestones()
    {
        var count = Interlocked.Read(ref _overdueMilestones);
        if (count >= 0) yield return new Measurement<long>(count);
    }

    internal void Record(IReadOnlyList<DeadLetterQueueView> queues, IReadOnlyList<ServiceHealthView> health, long overdueMilestones)
    {
        _queues = queues;
        _health = health;
        Interlocked.Exchange(ref _overdueMilestones, overdueMilestones);
    }
}

/// <summary>
/// Checks every CheckInterval what the orchestrator can see without an operator's token (error
/// queues, each process's readiness, overdue milestones), feeds the gauges and logs each breached
/// threshold as a warning. Each service logs its own outbox threshold (MessageLogSampler).
/// </summary>
public sealed class ThresholdWatch(IServiceScopeFactory scopes, OperationsMetrics metrics, IOptions<ThresholdOptions> options,
    ILogger<ThresholdWatch> logger) : BackgroundService
{
    private readonly BreachLog _breaches = new(logger, options.Value.WarningRepeat);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval);
        do
        {
            try
            {
                await Check(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Operations check failed; it runs again after {Interval}", options.Value.CheckInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task Check(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var now = TimeProvider.System.GetUtcNow();
        var health = await services.GetRequiredService<ServiceHealth>().Probe(ct);
        var queues = await services.GetRequiredService<DeadLetters>().List(ct);
        var overdue = await OverdueMilestones.Query(services.GetRequiredService<OrchestratorDbContext>(), services.GetRequiredService<TimeProvider>(), null)
            .LongCountAsync(ct);
        metrics.Record(queues, health, overdue);

        foreach (var threshold in health.Select(Thresholds.Readiness).Concat(queues.Select(q => Thresholds.Queue(q, options.Value))))
            _breaches.Observe(threshold.Rule, threshold.Subject, threshold.Breached, threshold.Message, now);
    }
}
