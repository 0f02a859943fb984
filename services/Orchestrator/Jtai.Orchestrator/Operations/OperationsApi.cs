using Jtai.ServiceDefaults;
using System.Security.Claims;
using Jtai.Contracts.Flow;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jtai.Orchestrator.Operations;

public sealed record ReplayRequest(string? Queue, Guid? MessageId, int? Max);

public static class OperationsApi
{
    /// <summary>gRPC clients for every service's message log (Services:{name}:Grpc), the management API, health probes, the watch.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        foreach (var service in ServiceMessageLogs.Services)
        {
            if (builder.Configuration.ServiceAddress(service, "Grpc") is not { } address) continue;
            builder.Services.AddGrpcClient<MessageFlow.MessageFlowClient>(ServiceMessageLogs.ClientName(service), o => o.Address = new Uri(address));
        }
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient(DeadLetters.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHttpClient(ServiceHealth.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.Configure<ThresholdOptions>(builder.Configuration.GetSection(ThresholdOptions.Section));
        builder.Services.AddScoped<ServiceMessageLogs>();
        builder.Services.AddScoped<DeadLetters>();
        builder.Services.AddScoped<ReplayHistory>();
        builder.Services.AddScoped<ServiceHealth>();
        builder.Services.AddScoped<OperationsStatus>();
        builder.Services.AddScoped<StuckWork>();
        builder.Services.AddSingleton<OperationsMetrics>();
        builder.Services.AddHostedService<ThresholdWatch>();
        return builder;
    }

    public static RouteGroupBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/operations")
            .RequireStanding(Rules.Operations)
            .WithTags("Operations");
        group.MapGet("/status", Status);
        group.MapGet("/stuck-work", Stuck);
        group.MapGet("/inspections/{inspectionId:guid}/flow", FlowViewEndpoint.Handle);
        group.MapGet("/dead-letters", Queues);
        group.MapGet("/dead-letters/{queue}/messages", Messages);
        group.MapPost("/dead-letters/replay", Replay);
        group.MapGet("/dead-letters/replays", Replays);
        return group;
    }

    private static async Task<Ok<OperationsStatusView>> Status(OperationsStatus status, CancellationToken ct) =>
        TypedResults.Ok(await status.Now(ct));

    /// <summary>A page of each list of late work (<c>?limit=&amp;milestonesAfter=&amp;deadlinesAfter=&amp;outboxAfter=</c>).</summary>
    private static async Task<Results<Ok<StuckWorkView>, ValidationProblem>> Stuck([AsParameters] StuckWorkQuery query, StuckWork work, CancellationToken ct) =>
        query.Problems() is { } problems ? TypedResults.ValidationProblem(problems) : TypedResults.Ok(await work.Now(query, ct));

    private static async Task<Ok<IReadOnlyList<DeadLetterQueueView>>> Queues(DeadLetters deadLetters, CancellationToken ct) =>
        TypedResults.Ok(await deadLetters.List(ct));

    private static async Task<Results<Ok<IReadOnlyList<DeadLetterMessage>>, ValidationProblem>> Messages(
        string queue, int? limit, DeadLetters deadLetters, CancellationToken ct)
    {
        if (limit is < 1 or > 500) return Invalid("limit", "'limit' must be between 1 and 500.");
        return TypedResults.Ok(await deadLetters.Messages(queue, limit ?? 100, ct));
    }

    private static async Task<Results<Ok<ReplayResult>, ValidationProblem>> Replay(
        ReplayRequest request, ClaimsPrincipal user, DeadLetters deadLetters, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(request.Queue, "queue");
        if (request.Max is < 1 or > 10_000) errors.Add("max", "'max' must be between 1 and 10000.");
        if (request.MessageId is not null && request.Max is not null) errors.Add("max", "Give either 'messageId' (one message) or 'max' (the first messages), not both.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        return TypedResults.Ok(await deadLetters.Replay(request.Queue!, request.MessageId, request.MessageId is null ? request.Max ?? 100 : 1, user, ct));
    }

    /// <summary>Replays on record, newest first, a page at a time (<c>?limit=&amp;after=</c>), of one inspection or all.</summary>
    private static async Task<Results<Ok<Page<ReplayRecordView>>, ValidationProblem>> Replays(
        [AsParameters] PageQuery page, Guid? inspectionId, ReplayHistory history, CancellationToken ct) =>
        page.Problems<InstantCursor>() is { } problems
            ? TypedResults.ValidationProblem(problems)
            : TypedResults.Ok(await history.Recent(page, inspectionId, ct));

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
