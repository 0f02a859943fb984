using Grpc.Core;
using Grpc.Net.ClientFactory;
using Jtai.Contracts.Flow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Jtai.Orchestrator.Operations;

public sealed record FlowEntryView(
    string Service, string Direction, string MessageType, Guid MessageId, string? Consumer,
    string TraceId, DateTimeOffset At, string Outcome, int Attempts, string? LastError);

public sealed record ServiceFlowStatus(string Service, string Status, string? Detail);

public sealed record FlowView(Guid InspectionId, IReadOnlyList<ServiceFlowStatus> Services, IReadOnlyList<FlowEntryView> Messages);

/// <summary>
/// The operators' flow view of one inspection: every message each service published or consumed,
/// in time order with trace id and outcome, gathered over gRPC from each service's own log (each
/// call with a deadline; a service that does not answer is shown as unavailable, not as empty).
/// </summary>
public static class FlowViewEndpoint
{
    public static readonly string[] Services = ["orchestrator", "ofsted", "cqc", "hmicfrs"];

    /// <summary>gRPC client names are global to the factory: each client type gets its own prefix.</summary>
    public static string ClientName(string service) => $"message-flow-{service}";

    public static async Task<Ok<FlowView>> Handle(Guid inspectionId, HttpContext http, GrpcClientFactory clients, IConfiguration configuration, CancellationToken ct)
    {
        var deadline = configuration.GetValue("Operations:FlowCallTimeout", TimeSpan.FromSeconds(3));
        // The operator's own token goes with each call: every service checks it is an operator.
        var headers = new Metadata { { "Authorization", http.Request.Headers[HeaderNames.Authorization].ToString() } };

        var calls = Services.Select(async service =>
        {
            try
            {
                var client = clients.CreateClient<MessageFlow.MessageFlowClient>(ClientName(service));
                var reply = await client.ListMessagesAsync(new ListMessagesRequest { InspectionId = inspectionId.ToString() },
                    headers, DateTime.UtcNow + deadline, ct);
                return (Status: new ServiceFlowStatus(service, "answered", null), Entries: reply.Entries.Select(e => ToView(service, e)).ToList());
            }
            catch (RpcException ex)
            {
                return (Status: new ServiceFlowStatus(service, "unavailable", $"{ex.StatusCode}: {ex.Status.Detail}"), Entries: new List<FlowEntryView>());
            }
        }).ToList();
        var results = await Task.WhenAll(calls);

        return TypedResults.Ok(new FlowView(inspectionId,
            results.Select(r => r.Status).ToList(),
            results.SelectMany(r => r.Entries).OrderBy(e => e.At).ThenBy(e => e.Direction == "published" ? 0 : 1).ToList()));
    }

    private static FlowEntryView ToView(string service, FlowEntry e) => new(
        service, e.Direction, e.MessageType, Guid.Parse(e.MessageId), string.IsNullOrEmpty(e.Consumer) ? null : e.Consumer,
        e.TraceId, e.At.ToDateTimeOffset(), e.Outcome, e.Attempts, string.IsNullOrEmpty(e.LastError) ? null : e.LastError);
}
