using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jtai.Messaging.Monitoring;

/// <summary>
/// Samples the message log every SampleInterval for the gauges, and logs a warning while the oldest
/// unpublished outbox row is older than OldestUnpublishedWarning. Observable gauges are read on the
/// exporter's thread, which must not wait on the database; a failed sample keeps the last one.
/// </summary>
internal sealed class MessageLogSampler(
    IServiceScopeFactory scopes, MessagingMetrics metrics, ServiceIdentity service, IOptions<MonitoringOptions> options,
    ILogger<MessageLogSampler> logger)
    : BackgroundService
{
    public const string OldestUnpublishedRule = "outbox-oldest-unpublished";
    private readonly BreachLog _breaches = new(logger, options.Value.WarningRepeat);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sample = await scope.ServiceProvider.GetRequiredService<MessageLogStatus>().Sample(stoppingToken);
                metrics.Record(sample);
                _breaches.Observe(OldestUnpublishedRule, service.Name, sample.OldestUnpublishedAge > options.Value.OldestUnpublishedWarning,
                    $"{sample.OutboxBacklog} unpublished, the oldest {sample.OldestUnpublishedAge:g} old (threshold {options.Value.OldestUnpublishedWarning:g})",
                    sample.TakenAt);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not sample the message log for metrics; keeping the last sample");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
