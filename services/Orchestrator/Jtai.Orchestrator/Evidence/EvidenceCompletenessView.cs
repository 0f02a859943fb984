using Jtai.ServiceDefaults;
using Jtai.Calendar.Frameworks;
using Jtai.Orchestrator.Inspections;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Jtai.Contracts.Evidence;
using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Jtai.ServiceDefaults.Criteria;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Evidence;

public sealed record MemberStatus(string UserId, string Name, string TeamRole, bool Complete, DateTimeOffset? CompletedAt, int Records);

/// <summary>status: complete | incomplete | no-inspectors | unknown (did not answer in time: never shown as complete).</summary>
public sealed record InspectorateCompleteness(string Inspectorate, string Status, IReadOnlyList<string> Outstanding,
    IReadOnlyList<MemberStatus> Members, string? Detail);

public sealed record CompletenessResult(Guid InspectionId, bool Complete, IReadOnlyList<InspectorateCompleteness> Inspectorates);

/// <summary>
/// At the end of fieldwork (¶74–75) the lead sees whether every inspector of every inspectorate has
/// completed their evidence record: each inspectorate service is asked over gRPC with a deadline.
/// </summary>
public static class EvidenceCompletenessEndpoint
{
    public static string ClientName(string inspectorate) => $"evidence-completeness-{inspectorate}";

    public static WebApplicationBuilder AddEvidenceCompleteness(this WebApplicationBuilder builder)
    {
        foreach (var inspectorate in Inspectorates.All)
        {
            if (builder.Configuration.ServiceAddress(inspectorate, "Grpc") is not { } address) continue;
            builder.Services.AddGrpcClient<EvidenceCompleteness.EvidenceCompletenessClient>(ClientName(inspectorate), o => o.Address = new Uri(address));
        }
        builder.Services.AddHttpClient(ServiceToken.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<ServiceToken>();
        builder.Services.TryAddSingleton<IEvaluationCriteria, FrameworkCriteria>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEvidenceCompleteness(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/orchestrator/inspections/{inspectionId:guid}/evidence-completeness", Handle)
            .RequireStanding(Rules.TeamOrNamedManagers)
            .WithTags("Evidence");
        return app;
    }

    public static async Task<Results<Ok<CompletenessResult>, NotFound>> Handle(Guid inspectionId, OrchestratorDbContext db,
        FrameworkCatalog frameworks, GrpcClientFactory clients, ServiceToken token, IConfiguration configuration, CancellationToken ct)
    {
        if (await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is not { } inspection) return TypedResults.NotFound();
        var deadline = configuration.GetValue("Evidence:CompletenessCallTimeout", TimeSpan.FromSeconds(3));
        var results = await Task.WhenAll(frameworks.TakingPart(inspection).Select(i => Ask(i, inspectionId, clients, token, deadline, ct)));
        return TypedResults.Ok(new CompletenessResult(inspectionId, results.All(r => r.Status == "complete"), results));
    }

    private static async Task<InspectorateCompleteness> Ask(string inspectorate, Guid inspectionId, GrpcClientFactory clients,
        ServiceToken token, TimeSpan deadline, CancellationToken ct)
    {
        try
        {
            var client = clients.CreateClient<EvidenceCompleteness.EvidenceCompletenessClient>(ClientName(inspectorate));
            // gRPC deadlines are wall-clock instants, so they come from the real clock.
            var reply = await client.CheckCompletenessAsync(new CompletenessRequest { InspectionId = inspectionId.ToString() },
                await token.Headers(ct), DateTime.UtcNow + deadline, ct);
            var members = reply.Members.Select(m => new MemberStatus(m.UserId, m.Name, m.TeamRole, m.Complete,
                m.CompletedAt?.ToDateTimeOffset(), m.Records)).ToList();
            var status = !reply.InspectionKnown ? "unknown"
                : members.Count == 0 ? "no-inspectors"
                : members.All(m => m.Complete) ? "complete" : "incomplete";
            return new InspectorateCompleteness(inspectorate, status, members.Where(m => !m.Complete).Select(m => m.Name).ToList(), members,
                reply.InspectionKnown ? null : $"{inspectorate} holds no copy of this inspection yet.");
        }
        catch (RpcException ex)
        {
            return new InspectorateCompleteness(inspectorate, "unknown", [], [], $"{ex.StatusCode}: {ex.Status.Detail}");
        }
    }
}
