using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jtai.Contracts.Flow;
using Jtai.Messaging.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Messaging.Flow;

/// <summary>
/// This service's side of the operations flow view: every message it published (outbox) or
/// consumed (inbox) for one inspection, with trace id and outcome. Served over gRPC so the
/// orchestrator can gather all services' logs with a deadline per call.
/// </summary>
public sealed class MessageFlowService(MessagingDbContext db, ServiceIdentity service) : MessageFlow.MessageFlowBase
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

        var reply = new ListMessagesReply { Service = service.Name };
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
        return reply;
    }

    // traceparent is "00-{trace id}-{span id}-{flags}".
    private static string TraceIdOf(string? traceParent) =>
        traceParent is { Length: >= 35 } ? traceParent.Substring(3, 32) : "";
}
