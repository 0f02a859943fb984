using Jtai.Messaging.Data;
using Jtai.Messaging.Monitoring;
using Jtai.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jtai.Messaging.Deadlines;

public sealed class DeadlineOptions
{
    /// <summary>Real time between looks for due rows; due-ness itself is judged by the injected clock.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 100;
}

/// <summary>
/// Claims due deadline rows (FOR UPDATE SKIP LOCKED) and turns each into its message in the
/// outbox, in one transaction: a deadline fires once, and its message is as safe as any other.
/// </summary>
internal sealed class DeadlinePoller(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    MessagingMetrics metrics,
    IOptions<DeadlineOptions> options,
    ILogger<DeadlinePoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                while (await FireDue(stoppingToken) == options.Value.BatchSize) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Deadline poller could not claim due rows; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal async Task<int> FireDue(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var now = clock.GetUtcNow();
        var due = await db.Deadlines
            .FromSql($"""
                SELECT * FROM deadlines
                WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= {now}
                ORDER BY due_at
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        foreach (var deadline in due)
        {
            outbox.Publish(MessageTypes.Deserialize(deadline.MessageType, deadline.Body));
            deadline.FiredAt = now;
            logger.LogInformation("Deadline {Key} due {DueAt} fired", deadline.Key, deadline.DueAt);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.DeadlinesFired(due.Count);
        return due.Count;
    }
}
