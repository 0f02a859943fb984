using Jtai.ServiceDefaults;
using Jtai.ServiceDefaults.Paging;
using Jtai.ServiceDefaults.Security;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Jtai.Contracts.Flow;
using Microsoft.Net.Http.Headers;

namespace Jtai.Orchestrator.Operations;

/// <summary>
/// Each service's message log over gRPC (Services:{name}:Grpc), every call with a deadline
/// (Operations:FlowCallTimeout) and the operator's own token: each service checks it is an operator.
/// A service that does not answer is reported, never taken for empty.
/// </summary>
public sealed class ServiceMessageLogs(GrpcClientFactory clients, IConfiguration configuration, IHttpContextAccessor http)
{
    /// <summary>The orchestrator and every inspectorate of the registry.</summary>
    public static readonly string[] Services = ["orchestrator", .. Inspectorates.All];

    /// <summary>Those this deployment runs (an address configured): a service that is not there is not asked.</summary>
    private IEnumerable<string> Running => Services.Where(s => configuration.ServiceAddress(s, "Grpc") is not null);

    /// <summary>gRPC client names are global to the factory: each client type gets its own prefix.</summary>
    public static string ClientName(string service) => $"message-flow-{service}";

    public sealed record Answer<T>(string Service, T? Reply, string? Error) where T : class;

    /// <summary>A page of one inspection's messages from every service: each asked for <paramref name="limit"/> entries after the cursor.</summary>
    public Task<Answer<ListMessagesReply>[]> Flow(Guid inspectionId, int limit, ServicesCursor? after, CancellationToken ct) =>
        Ask(Running, (service, client, headers, deadline) => client.ListMessagesAsync(new ListMessagesRequest
        {
            InspectionId = inspectionId.ToString(), Limit = limit, After = GatheredLists.Position(after, service),
        }, headers, deadline, ct).ResponseAsync);

    /// <summary>One service's whole log of one inspection.</summary>
    public Task<Answer<ListMessagesReply>[]> Flow(string service, Guid inspectionId, CancellationToken ct) =>
        Ask([service], (_, client, headers, deadline) =>
            client.ListMessagesAsync(new ListMessagesRequest { InspectionId = inspectionId.ToString() }, headers, deadline, ct).ResponseAsync);

    /// <summary>Every service's outbox and deadline figures, and up to <paramref name="limit"/> of its stuck rows and overdue deadlines after the cursors.</summary>
    public Task<Answer<MessagingStatusReply>[]> Status(TimeSpan stuckAfter, int limit, ServicesCursor? outboxAfter, ServicesCursor? deadlinesAfter,
        CancellationToken ct) =>
        Ask(Running, (service, client, headers, deadline) => client.GetMessagingStatusAsync(new MessagingStatusRequest
        {
            StuckAfterSeconds = (long)stuckAfter.TotalSeconds, Limit = limit,
            StuckOutboxAfter = GatheredLists.Position(outboxAfter, service), OverdueDeadlinesAfter = GatheredLists.Position(deadlinesAfter, service),
        }, headers, deadline, ct).ResponseAsync);

    private async Task<Answer<T>[]> Ask<T>(IEnumerable<string> services, Func<string, MessageFlow.MessageFlowClient, Metadata, DateTime, Task<T>> call)
        where T : class
    {
        var timeout = configuration.GetValue("Operations:FlowCallTimeout", TimeSpan.FromSeconds(3));
        var headers = new Metadata { { "Authorization", http.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString() ?? "" } };
        return await Task.WhenAll(services.Select(async service =>
        {
            try
            {
                var client = clients.CreateClient<MessageFlow.MessageFlowClient>(ClientName(service));
                return new Answer<T>(service, await call(service, client, headers, DateTime.UtcNow + timeout), null);
            }
            catch (RpcException ex)
            {
                return new Answer<T>(service, null, $"{ex.StatusCode}: {ex.Status.Detail}");
            }
            catch (InvalidOperationException ex)
            {
                // No address configured for this service.
                return new Answer<T>(service, null, ex.Message);
            }
        }));
    }
}
