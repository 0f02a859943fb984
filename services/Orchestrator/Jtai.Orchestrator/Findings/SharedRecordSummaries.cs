using Grpc.Core;
using Grpc.Net.ClientFactory;
using Jtai.Contracts.Evidence;
using Jtai.Orchestrator.Evidence;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Findings;

/// <summary>Asks Ofsted's shared evidence record (gRPC) whether an evaluative summary exists in an inspection.</summary>
public sealed class SharedRecordSummaries(GrpcClientFactory clients, ServiceToken token, IConfiguration configuration)
{
    public const string Client = "shared-record-lookup";

    public async Task<bool> Exists(Guid inspectionId, Guid summaryId, CancellationToken ct)
    {
        var deadline = configuration.GetValue("Findings:SharedRecordCallTimeout", TimeSpan.FromSeconds(3));
        try
        {
            var client = clients.CreateClient<SharedRecordLookup.SharedRecordLookupClient>(Client);
            // gRPC deadlines are wall-clock instants, so they come from the real clock.
            var reply = await client.FindSummariesAsync(new FindSummariesRequest { InspectionId = inspectionId.ToString(), SummaryIds = { summaryId.ToString() } },
                await token.Headers(ct), DateTime.UtcNow + deadline, ct);
            return reply.Found.Count > 0;
        }
        catch (RpcException ex)
        {
            throw new DomainRuleException("shared-record-unavailable",
                $"Ofsted's shared evidence record did not answer ({ex.StatusCode}); the link cannot be checked, try again.", StatusCodes.Status503ServiceUnavailable);
        }
    }
}
