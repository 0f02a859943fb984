using Jtai.Messaging.Data;
using Jtai.Messaging.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jtai.Messaging.Retention;

public sealed class MessageLogRetentionOptions
{
    /// <summary>
    /// How long published outbox rows, inbox rows and failed attempts are kept. The flow view shows
    /// what is within it; the inbox recognises a redelivered message only within it, so it must be
    /// far longer than any redelivery (retries take seconds, a replay from _error days at most).
    /// </summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(90);
    /// <summary>Rows deleted per statement, so a purge never holds long locks or a huge transaction.</summary>
    public int BatchSize { get; set; } = 1000;
    /// <summary>How often the purge runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Deletes the message log's rows older than the retention period, in batches. An unpublished
/// outbox row is never deleted, however old: it is work still to do, not log.
/// Ages are judged by the database's clock, which stamped the rows (publish and receive times).
/// </summary>
public sealed class MessageLogPurge(MessagingDbContext db, IOptions<MessageLogRetentionOptions> options)
{
    public async Task<IReadOnlyDictionary<string, int>> Run(CancellationToken ct)
    {
        var period = options.Value.Period;
        var batch = Math.Max(1, options.Value.BatchSize);
        // SKIP LOCKED: two replicas purging at once share the rows instead of waiting on each other.
        return new Dictionary<string, int>
        {
            ["outbox_messages"] = await InBatches(batch, () => db.Database.ExecuteSqlAsync($"""
                DELETE FROM outbox_messages WHERE sequence IN (
                    SELECT sequence FROM outbox_messages
                    WHERE published_at IS NOT NULL AND published_at < now() - {period}
                    ORDER BY published_at LIMIT {batch} FOR UPDATE SKIP LOCKED)
                """, ct)),
            ["inbox_messages"] = await InBatches(batch, () => db.Database.ExecuteSqlAsync($"""
                DELETE FROM inbox_messages WHERE (message_id, consumer) IN (
                    SELECT message_id, consumer FROM inbox_messages
                    WHERE received_at < now() - {period}
                    ORDER BY received_at LIMIT {batch} FOR UPDATE SKIP LOCKED)
                """, ct)),
            ["consume_failures"] = await InBatches(batch, () => db.Database.ExecuteSqlAsync($"""
                DELETE FROM consume_failures WHERE id IN (
                    SELECT id FROM consume_failures
                    WHERE failed_at < now() - {period}
                    ORDER BY failed_at LIMIT {batch} FOR UPDATE SKIP LOCKED)
                """, ct)),
        };
    }

    private static async Task<int> InBatches(int batch, Func<Task<int>> deleteOneBatch)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteOneBatch();
            total += deleted;
        }
        while (deleted == batch);
        return total;
    }
}

/// <summary>Runs the message log's purge every Interval (real time).</summary>
internal sealed class MessageLogRetention(
    IServiceScopeFactory scopes, MessagingMetrics metrics, IOptions<MessageLogRetentionOptions> options, ILogger<MessageLogRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<MessageLogPurge>().Run(stoppingToken);
                metrics.PurgeRan(deleted);
                if (deleted.Values.Any(n => n > 0))
                    logger.LogInformation("Message log purge (older than {Period}): deleted {Deleted}", options.Value.Period,
                        string.Join(", ", deleted.Select(d => $"{d.Key}={d.Value}")));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Message log purge failed; it runs again after {Interval}", options.Value.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
