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
using Npgsql;
using NpgsqlTypes;

namespace Jtai.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows. The rows a commit of this process wrote are handed over in memory
/// (<see cref="OutboxSignal"/>): they were written under a lease, so no worker claims them meanwhile, and they
/// are published at once. Any other row (its writer stopped first, a failure backed it off, the queue was full)
/// is claimed from the table: a worker claims a batch in one short statement (FOR UPDATE SKIP LOCKED picks rows
/// nobody holds; the claim pushes their next attempt past a lease, so no lock is held while the broker is
/// called). Either way a batch is published concurrently with publisher confirms under a timeout, restoring
/// each request's trace, then every outcome is recorded in one statement: published, or backed off with its
/// error. Several workers (and replicas) share the rows safely. A row is only ever marked published, never
/// deleted unpublished; a process that dies with rows in hand leaves them to be published again once their
/// lease ends (the inbox drops duplicates).
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
    private readonly SemaphoreSlim _inFlight = new(Math.Max(1, options.Value.MaxInFlight));

    /// <param name="Message">The message itself when handed over; a claimed row's body is deserialized.</param>
    private sealed record Claimed(long Sequence, Guid MessageId, string MessageType, string Body, string? TraceParent, string? TraceState,
        int Attempts, object? Message = null);

    private readonly record struct Result(DateTimeOffset? PublishedAt, DateTimeOffset? NextAttemptAt, string? Error);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(worker => Task.Run(() => Work(worker, stoppingToken), stoppingToken)));
        }
        finally
        {
            await ReleaseHandedOff();
        }
    }

    /// <summary>
    /// On the way out: rows handed over and not yet published are released from their lease, so the next start
    /// (or another replica) claims them at once rather than when the lease ends.
    /// </summary>
    private async Task ReleaseHandedOff()
    {
        var left = signal.TakeHandedOff(int.MaxValue);
        if (left.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(
                "UPDATE outbox_messages SET next_attempt_at = NULL WHERE sequence = ANY(@sequences) AND published_at IS NULL",
                (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter("sequences", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = left.Select(h => h.Row.Sequence).ToArray() });
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Outbox relay could not release {Count} rows on stopping; they are published when their lease ends", left.Count);
        }
    }

    private async Task Work(int worker, CancellationToken stoppingToken)
    {
        // Only the first worker polls the table (for rows backed off, or left by a process that stopped); the
        // others sleep until a commit hands rows over, or a worker that claimed a full batch asks them to share.
        // An idle service runs no statement but the poll's claim.
        var polls = worker == 0;
        var nextPoll = _realTime.GetUtcNow();
        var claim = true; // rows left from before this start
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = false;
            var handed = 0;
            try
            {
                handed = await PublishHandedOff(stoppingToken);
                if (polls && _realTime.GetUtcNow() >= nextPoll)
                {
                    claim = true;
                    nextPoll = _realTime.GetUtcNow() + _options.PollInterval;
                }
                if (claim || signal.TakeClaimRequest())
                {
                    // A full batch: more may be waiting, so this worker goes on and wakes an idle one to share them.
                    claim = await PublishBatch(stoppingToken) >= _options.BatchSize;
                    if (claim) signal.RequestClaim();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable, most likely; rows stay where they are (handed-over ones under their lease).
                logger.LogWarning(ex, "Outbox relay could not claim or record rows; retrying after {Interval}", _options.PollInterval);
                claim = false;
                failed = true;
            }

            if (!failed && (handed > 0 || claim)) continue;
            var wait = failed ? _options.PollInterval : polls ? Max(nextPoll - _realTime.GetUtcNow(), TimeSpan.Zero) : Timeout.InfiniteTimeSpan;
            try { await signal.WaitAsync(wait, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Publishes rows this process's commits handed over, then records them; how many were taken.</summary>
    internal async Task<int> PublishHandedOff(CancellationToken ct)
    {
        var handed = signal.TakeHandedOff(_options.BatchSize);
        if (handed.Count == 0) return 0;
        // A row whose lease would end before its publish could time out is left to a claim: publishing it here
        // too could race a worker that claimed it meanwhile (the inbox would drop the duplicate, but the broker
        // would carry it twice).
        var latest = _realTime.GetUtcNow() + _options.PublishTimeout;
        var rows = handed.Where(h => h.Row.NextAttemptAt > latest)
            .Select(h => new Claimed(h.Row.Sequence, h.Row.MessageId, h.Row.MessageType, h.Row.Body, h.Row.TraceParent, h.Row.TraceState, 1, h.Message))
            .ToList();
        if (rows.Count == 0) return handed.Count;
        var results = await Task.WhenAll(rows.Select(row => Publish(row, ct)));

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        await db.Database.OpenConnectionAsync(CancellationToken.None);
        await Record((NpgsqlConnection)db.Database.GetDbConnection(), rows, results);
        return handed.Count;
    }

    internal async Task<int> PublishBatch(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);

        var rows = await Claim(connection, ct);
        if (rows.Count == 0) return 0;
        var results = await Task.WhenAll(rows.Select(row => Publish(row, ct)));
        await Record(connection, rows, results);
        return rows.Count;
    }

    private async Task<List<Claimed>> Claim(NpgsqlConnection connection, CancellationToken ct)
    {
        var now = _realTime.GetUtcNow();
        await using var command = new NpgsqlCommand("""
            UPDATE outbox_messages o
            SET attempts = o.attempts + 1, next_attempt_at = @lease
            FROM (SELECT sequence FROM outbox_messages
                  WHERE published_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
                  ORDER BY sequence
                  LIMIT @batch
                  FOR UPDATE SKIP LOCKED) claimed
            WHERE o.sequence = claimed.sequence
            RETURNING o.sequence, o.message_id, o.message_type, o.body::text, o.trace_parent, o.trace_state, o.attempts
            """, connection);
        command.Parameters.AddWithValue("lease", now + _options.ClaimLease);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("batch", _options.BatchSize);
        var rows = new List<Claimed>(_options.BatchSize);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Claimed(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6)));
        }
        rows.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return rows;
    }

    private async Task<Result> Publish(Claimed row, CancellationToken ct)
    {
        await _inFlight.WaitAsync(ct);
        using var activity = StartPublishActivity(row);
        try
        {
            var message = row.Message ?? MessageTypes.Deserialize(row.MessageType, row.Body);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_options.PublishTimeout);
            await bus.Publish(message, message.GetType(), ctx => ctx.MessageId = row.MessageId, timeout.Token);
            return new Result(_realTime.GetUtcNow(), null, null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var backoff = Backoff(row.Attempts);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            metrics.PublishFailed(row.MessageType);
            var level = row.Attempts >= _options.AlertAfterAttempts ? LogLevel.Error : LogLevel.Warning;
            logger.Log(level, ex, "Outbox message {MessageId} ({MessageType}) failed to publish on attempt {Attempts}; next try in {Backoff}",
                row.MessageId, row.MessageType, row.Attempts, backoff);
            return new Result(null, _realTime.GetUtcNow() + backoff, Truncate($"{ex.GetType().Name}: {ex.Message}", 2000));
        }
        finally
        {
            _inFlight.Release();
        }
    }

    /// <summary>
    /// Every outcome of the batch in one statement, with the attempt it was (a claim counted its own; a
    /// handed-over row's first attempt is counted here).
    /// </summary>
    private static async Task Record(NpgsqlConnection connection, List<Claimed> rows, Result[] results)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE outbox_messages o
            SET published_at = r.published_at, next_attempt_at = r.next_attempt_at, last_error = r.last_error,
                attempts = GREATEST(o.attempts, r.attempts)
            FROM unnest(@sequences, @published, @next, @errors, @attempts) AS r(sequence, published_at, next_attempt_at, last_error, attempts)
            WHERE o.sequence = r.sequence
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("sequences", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.Sequence).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("published", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = results.Select(r => r.PublishedAt).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("next", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = results.Select(r => r.NextAttemptAt).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("errors", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = results.Select(r => r.Error).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("attempts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = rows.Select(r => r.Attempts).ToArray() });
        // Recorded even when the service is stopping: the broker has these messages now.
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static Activity? StartPublishActivity(Claimed row)
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
