using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jtai.Contracts.Flow;
using Jtai.Messaging.Data;
using Jtai.Messaging.Monitoring;
using Jtai.Messaging.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jtai.Messaging.Flow;

/// <summary>
/// This service's side of the operations views: every message it published (outbox), consumed
/// (inbox) or failed to consume for one inspection, with trace id and outcome; and what waits in
/// its outbox and deadline rows. Served over gRPC so the orchestrator can gather all services'
/// logs with a deadline per call.
/// </summary>
public sealed class MessageFlowService(
    MessagingDbContext db, ServiceIdentity service, MessageLogStatus status, IOptions<MessageLogRetentionOptions> retention)
    : MessageFlow.MessageFlowBase
{
    public override async Task<ListMessagesReply> ListMessages(ListMessagesRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.InspectionId, out var inspectionId))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "inspection_id must be a UUID."));

        var published = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.InspectionId == inspectionId)
            .OrderBy(m => m.Sequence)
            .ToListAsync(context.CancellationToken);
        var consumed = await db.InboxMessages.AsNoTracking()
            .Where(m => m.InspectionId == inspectionId)
            .ToListAsync(context.CancellationToken);
        var failed = await db.ConsumeFailures.AsNoTracking()
            .Where(f => f.InspectionId == inspectionId)
            .ToListAsync(context.CancellationToken);

        var reply = new ListMessagesReply { Service = service.Name, RetentionSeconds = (long)retention.Value.Period.TotalSeconds };
        reply.Entries.AddRange(published.Select(m => new FlowEntry
        {
            Direction = "published",
            MessageId = m.MessageId.ToString(),
            MessageType = m.MessageType,
            TraceId = TraceIdOf(m.TraceParent),
            At = Timestamp.FromDateTimeOffset(m.PublishedAt ?? m.CreatedAt),
            Outcome = m.PublishedAt is not null ? "published" : m.Attempts == 0 ? "pending" : "retrying",
            Attempts = m.Attempts,
            LastError = m.LastError ?? "",
        }));
        reply.Entries.AddRange(consumed.Select(m => new FlowEntry
        {
            Direction = "consumed",
            MessageId = m.MessageId.ToString(),
            MessageType = m.MessageType,
            Consumer = m.Consumer,
            TraceId = m.TraceId ?? "",
            At = Timestamp.FromDateTimeOffset(m.ReceivedAt),
            Outcome = "consumed",
        }));
        reply.Entries.AddRange(failed.Select(f => new FlowEntry
        {
            Direction = "consumed",
            MessageId = f.MessageId.ToString(),
            MessageType = f.MessageType,
            Consumer = f.Consumer,
            TraceId = f.TraceId ?? "",
            At = Timestamp.FromDateTimeOffset(f.FailedAt),
            Outcome = f.WillRetry ? "retried" : "failed",
            Attempts = f.Attempt,
            LastError = f.Error,
        }));
        var entries = reply.Entries.ToList();
        foreach (var entry in entries) entry.Key = KeyOf(entry);
        IEnumerable<FlowEntry> ordered = entries.OrderBy(e => e.At).ThenBy(e => e.Key, StringComparer.Ordinal);
        if (request.After is { } after)
            ordered = ordered.Where(e => Compare(e.At, e.Key, after) is var c && (c > 0 || (c == 0 && after.Inclusive)));
        if (request.Limit > 0) ordered = ordered.Take(request.Limit);
        reply.Entries.Clear();
        reply.Entries.AddRange(ordered);
        return reply;
    }

    /// <summary>
    /// An entry's order among the service's entries of the same moment: published before consumed, then by attempt
    /// (zero-padded so the text sorts as the number), then message and consumer. Compared ordinally here and by the
    /// orchestrator, which merges the services' pages.
    /// </summary>
    private static string KeyOf(FlowEntry e) =>
        $"{(e.Direction == "published" ? 0 : 1)}.{e.Attempts.ToString("D10", CultureInfo.InvariantCulture)}.{e.MessageId}.{e.Consumer}";

    /// <summary>Where an entry falls against a position: above zero after it, zero on it.</summary>
    private static int Compare(Timestamp at, string key, ListPosition position)
    {
        var byTime = at.CompareTo(position.At);
        return byTime != 0 ? byTime : string.CompareOrdinal(key, position.Key);
    }

    public override async Task<MessagingStatusReply> GetMessagingStatus(MessagingStatusRequest request, ServerCallContext context)
    {
        var limit = Math.Clamp(request.Limit == 0 ? 100 : request.Limit, 1, 1000);
        var stuckAfter = TimeSpan.FromSeconds(Math.Max(0, request.StuckAfterSeconds));
        if (request.StuckOutboxAfter is { } outboxAfter && !MessageLogStatus.IsSequenceKey(outboxAfter.Key))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "stuck_outbox_after.key must be an outbox sequence of 19 digits."));
        var sample = await status.Sample(context.CancellationToken);
        var stuck = await status.StuckOutbox(stuckAfter, limit, PositionOf(request.StuckOutboxAfter), context.CancellationToken);
        var overdue = await status.OverdueDeadlines(limit, PositionOf(request.OverdueDeadlinesAfter), context.CancellationToken);

        var reply = new MessagingStatusReply
        {
            Service = service.Name,
            OutboxBacklog = sample.OutboxBacklog,
            OldestUnpublishedAgeSeconds = sample.OldestUnpublishedAge.TotalSeconds,
            DeadlinesDue = sample.DeadlinesDue,
            DeadlinesOverdue = sample.DeadlinesOverdue,
            RetentionSeconds = (long)retention.Value.Period.TotalSeconds,
        };
        if (sample.OldestUnpublishedAt is { } oldest) reply.OldestUnpublishedAt = Timestamp.FromDateTimeOffset(oldest);
        reply.StuckOutbox.AddRange(stuck.Select(m => new StuckOutboxRow
        {
            MessageId = m.MessageId.ToString(),
            MessageType = m.MessageType,
            InspectionId = m.InspectionId?.ToString() ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(m.CreatedAt),
            Attempts = m.Attempts,
            LastError = m.LastError ?? "",
            TraceId = TraceIdOf(m.TraceParent),
            Key = MessageLogStatus.SequenceKey(m.Sequence),
        }));
        reply.OverdueDeadlines.AddRange(overdue.Select(d => new OverdueDeadline
        {
            Key = d.Key,
            MessageType = d.MessageType,
            InspectionId = d.InspectionId?.ToString() ?? "",
            DueAt = Timestamp.FromDateTimeOffset(d.DueAt),
        }));
        return reply;
    }

    private static RowPosition? PositionOf(ListPosition? position) =>
        position is null ? null : new RowPosition(position.At.ToDateTimeOffset(), position.Key, position.Inclusive);

    // traceparent is "00-{trace id}-{span id}-{flags}".
    private static string TraceIdOf(string? traceParent) =>
        traceParent is { Length: >= 35 } ? traceParent.Substring(3, 32) : "";
}
