using Jtai.Contracts.Flow;
using Jtai.ServiceDefaults.Security;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Operations;

public static class OperationsApi
{
    /// <summary>gRPC clients for every service's message log (Services:{name}:Grpc) and the management API.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        foreach (var service in FlowViewEndpoint.Services)
        {
            var address = builder.Configuration[$"Services:{service}:Grpc"];
            if (address is null) continue;
            builder.Services.AddGrpcClient<MessageFlow.MessageFlowClient>(FlowViewEndpoint.ClientName(service), o => o.Address = new Uri(address));
        }
        builder.Services.AddHttpClient(DeadLetters.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddScoped<DeadLetters>();
        return builder;
    }

    public static RouteGroupBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/operations")
            .RequireStanding(Rules.Operations)
            .WithTags("Operations");
        group.MapGet("/inspections/{inspectionId:guid}/flow", FlowViewEndpoint.Handle);
        group.MapGet("/dead-letters", DeadLettersEndpoints.List);
        group.MapPost("/dead-letters/replay", DeadLettersEndpoints.Replay);
        return group;
    }
}
