using Grpc.Core;
using Jtai.Contracts.Evidence;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.SharedRecord;

/// <summary>Lets the orchestrator check that a finding's evidence links name real evaluative summaries of the inspection.</summary>
public sealed class SharedRecordLookupService(OfstedDbContext db) : SharedRecordLookup.SharedRecordLookupBase
{
    public override async Task<FindSummariesReply> FindSummaries(FindSummariesRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.InspectionId, out var inspectionId))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "inspection_id must be a UUID."));
        var ids = request.SummaryIds.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var found = await db.Set<SharedEntry>().AsNoTracking()
            .Where(s => s.InspectionId == inspectionId && s.Kind == SharedEntryKinds.EvaluativeSummary && ids.Contains(s.Id))
            .ToListAsync(context.CancellationToken);
        var reply = new FindSummariesReply();
        reply.Found.AddRange(found.Select(s => new SummaryRef { SummaryId = s.Id.ToString(), AuthorName = s.AuthorName, Criteria = { s.Criteria } }));
        return reply;
    }
}
