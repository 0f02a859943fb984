using System.Diagnostics;
using Jtai.Messaging.Data;
using Jtai.Messaging.Monitoring;
using Jtai.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jtai.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows. Claims a batch with FOR UPDATE SKIP LOCKED (replicas share
/// the work, none publishes a row another holds), publishes each with publisher confirms under a
/// timeout, restores the trace of the request that wrote it, and on failure backs off that row.
/// A row is only ever marked published, never deleted unpublished.
/// </summary>
internal sealed class OutboxRelay(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    MessagingMetrics metrics,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new(TelemetrySetup.JtaiSource);
    // Backoff is infrastructure time: it must elapse even when tests move the business clock.
    private readonly TimeProvider _realTime = TimeProvider.System;
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await PublishBatch(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable, most likely; rows stay where they are.
                logger.LogWarning(ex, "Outbox relay could not claim rows; retrying after {Interval}", _options.PollInterval);
                published = 0;
            }

            if (published < _options.BatchSize)
            {
                try { await signal.WaitAsync(_options.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    internal async Task<int> PublishBatch(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var now = _realTime.GetUtcNow();
        var rows = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE published_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                ORDER BY sequence
                LIMIT {_options.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        if (rows.Count == 0) return 0;

        var published = 0;
        foreach (var row in rows)
        {
            if (await TryPublish(row, ct)) published++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return published;
    }

    private async Task<bool> TryPublish(OutboxMessage row, CancellationToken ct)
    {
        row.Attempts++;
        using var activity = StartPublishActivity(row);
        try
        {
            var message = MessageTypes.Deserialize(row.MessageType, row.Body);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.PublishTimeout);
            await bus.Publish(message, message.GetType(), ctx => ctx.MessageId = row.MessageId, timeout.Token);

            row.PublishedAt = _realTime.GetUtcNow();
            row.LastError = null;
            row.NextAttemptAt = null;
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var backoff = Backoff(row.Attempts);
            row.NextAttemptAt = _realTime.GetUtcNow() + backoff;
            row.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 2000);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            metrics.PublishFailed(row.MessageType);
            var level = row.Attempts >= _options.AlertAfterAttempts ? LogLevel.Error : LogLevel.Warning;
            logger.Log(level, ex, "Outbox message {MessageId} ({MessageType}) failed to publish on attempt {Attempts}; next try in {Backoff}",
                row.MessageId, row.MessageType, row.Attempts, backoff);
            return false;
        }
    }

    private static Activity? StartPublishActivity(OutboxMessage row)
    {
        ActivityContext parent = default;
        if (row.TraceParent is not null)
            ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out parent);
        var activity = Source.StartActivity($"outbox publish {ShortName(row.MessageType)}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.MessageId.ToString());
        activity?.SetTag("jtai.outbox.attempt", row.Attempts);
        return activity;
    }

    private TimeSpan Backoff(int attempts)
    {
        var exponent = Math.Min(attempts - 1, 16);
        var delay = TimeSpan.FromTicks(_options.InitialBackoff.Ticks * (1L << exponent));
        return delay > _options.MaxBackoff ? _options.MaxBackoff : delay;
    }

    private static string ShortName(string type) => type[(type.LastIndexOf('.') + 1)..];

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
