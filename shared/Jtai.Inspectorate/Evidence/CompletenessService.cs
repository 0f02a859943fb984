using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Jtai.Contracts.Evidence;
using Jtai.Inspectorate.Data;
using Jtai.Messaging;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Inspectorate.Evidence;

/// <summary>
/// This inspectorate's answer to "are all your inspectors' evidence records complete?" (¶74–75),
/// for the orchestrator calling with its own service token. Names who is outstanding, never evidence.
/// </summary>
public sealed class CompletenessService(InspectorateDbContext db, ServiceIdentity service) : EvidenceCompleteness.EvidenceCompletenessBase
{
    public override async Task<CompletenessReply> CheckCompleteness(CompletenessRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.InspectionId, out var inspectionId))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "inspection_id must be a UUID."));
        var ct = context.CancellationToken;
        var reply = new CompletenessReply
        {
            Inspectorate = service.Name,
            InspectionKnown = await db.Inspections.AnyAsync(i => i.InspectionId == inspectionId, ct),
        };
        var view = await EvidenceRules.Completeness(db, service.Name, inspectionId, ct);
        reply.Members.AddRange(view.Members.Select(m => new MemberCompleteness
        {
            UserId = m.UserId, Name = m.Name, TeamRole = m.TeamRole, Complete = m.Complete, Records = m.Records,
            CompletedAt = m.CompletedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        }));
        return reply;
    }
}
