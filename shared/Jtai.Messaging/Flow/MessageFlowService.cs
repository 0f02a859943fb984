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
        return reply;
    }

    public override async Task<MessagingStatusReply> GetMessagingStatus(MessagingStatusRequest request, ServerCallContext context)
    {
        var limit = Math.Clamp(request.Limit == 0 ? 100 : request.Limit, 1, 1000);
        var stuckAfter = TimeSpan.FromSeconds(Math.Max(0, request.StuckAfterSeconds));
        var sample = await status.Sample(context.CancellationToken);
        var stuck = await status.StuckOutbox(stuckAfter, limit, context.CancellationToken);
        var overdue = await status.OverdueDeadlines(limit, context.CancellationToken);

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

    // traceparent is "00-{trace id}-{span id}-{flags}".
    private static string TraceIdOf(string? traceParent) =>
        traceParent is { Length: >= 35 } ? traceParent.Substring(3, 32) : "";
}
