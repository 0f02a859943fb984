using System.Diagnostics;
using Jtai.Messaging.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jtai.Messaging.Parking;

/// <summary>
/// Keeps early messages in the consumer's database and hands them back: at once when a later
/// message of the same inspection was handled (what it waited for may just have arrived), or after a
/// backoff growing to minutes. Replaces a broker-side delayed redelivery, which this platform's
/// RabbitMQ does not have (no delayed-message plugin).
/// </summary>
public sealed class MessageParking(IOptions<ParkingOptions> options)
{
    /// <summary>Set on a handed-back message: when it was first parked.</summary>
    public const string ParkedSinceHeader = "Jtai-Parked-Since";
    /// <summary>Set on the last hand-back, once the window is over: still early then is a fault.</summary>
    public const string LastChanceHeader = "Jtai-Parking-Last-Chance";

    private readonly SemaphoreSlim _signal = new(0, 1);
    // Parking is infrastructure time: it must elapse even when tests move the business clock.
    private readonly TimeProvider _realTime = TimeProvider.System;

    internal ParkingOptions Options => options.Value;

    public static bool IsLastChance(ConsumeContext context) => context.Headers.TryGetHeader(LastChanceHeader, out _);

    public static bool WasParked(ConsumeContext context) => context.Headers.TryGetHeader(ParkedSinceHeader, out _);

    /// <summary>Parks the message (or, if it is parked already, notes why it still waits). Its own transaction.</summary>
    public async Task Park<T>(MessagingDbContext db, ConsumeContext<T> context, Guid messageId, string consumer, string waitingFor)
        where T : class
    {
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
        var now = _realTime.GetUtcNow();
        var due = now + options.Value.InitialBackoff;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO parked_messages (message_id, consumer, queue, message_type, body, inspection_id, waiting_for, parked_at, due_at, handed_back, trace_parent)
            VALUES ({messageId}, {consumer}, {queue}, {MessageTypes.NameOf(typeof(T))}, {MessageTypes.Serialize(context.Message)}::jsonb,
                    {MessageTypes.InspectionIdOf(context.Message)}, {waitingFor}, {now}, {due}, 0, {Activity.Current?.Id})
            ON CONFLICT (message_id, consumer) DO UPDATE SET waiting_for = excluded.waiting_for
            """, context.CancellationToken);
    }

    /// <summary>In the handler's transaction: the parked message is handled, its row goes with the effect.</summary>
    public Task Handled(MessagingDbContext db, Guid messageId, string consumer, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM parked_messages WHERE message_id = {messageId} AND consumer = {consumer}", ct);

    /// <summary>Wakes the hand-back at once (after a commit that made parked messages due: <see cref="Inbox.InboxMark"/>).</summary>
    public void Notify()
    {
        if (_signal.CurrentCount > 0) return;
        try { _signal.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
    }

    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    internal DateTimeOffset Now => _realTime.GetUtcNow();
}
