using System.Security.Claims;
using Jtai.Calendar.Frameworks;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Data;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.PriorityActions;
using Jtai.ServiceDefaults.Criteria;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Findings;

/// <summary>
/// The findings register. Inspectors record findings and link them to evaluative summaries (each
/// link checked against Ofsted's shared record over gRPC); the QA manager confirms each finding's
/// links; the lead (or a manager) agrees the findings only when every one is linked and confirmed.
/// </summary>
public static class FindingsApi
{
    /// <summary>Inspectors link their findings to evidence; the QA manager may correct a link while checking them (¶80).</summary>
    private static readonly AccessRule LinksEvidence = Rules.EvidenceGatherers.Or(Rules.AssignedQa, "evidence-gatherers-or-qa");

    public static WebApplicationBuilder AddFindings(this WebApplicationBuilder builder)
    {
        var address = builder.Configuration["Services:ofsted:Grpc"];
        if (address is not null)
            builder.Services.AddGrpcClient<Jtai.Contracts.Evidence.SharedRecordLookup.SharedRecordLookupClient>(SharedRecordSummaries.Client, o => o.Address = new Uri(address));
        builder.Services.AddScoped<SharedRecordSummaries>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFindings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}/findings")
            .RequireStanding(Rules.TeamOrNamedManagers)
            .WithTags("Findings").ValidateRequests();
        group.MapGet("/", List);
        group.MapPost("/", Create).RequireStanding(Rules.EvidenceGatherers);
        group.MapPost("/{findingId:guid}/links", Link).RequireStanding(LinksEvidence);
        group.MapDelete("/{findingId:guid}/links/{summaryId:guid}", Unlink).RequireStanding(LinksEvidence);
        group.MapPost("/{findingId:guid}/confirm-links", ConfirmLinks).RequireStanding(Rules.AssignedQa);
        // ¶81: the inspectorates' lead inspectors on the team agree the findings with the team.
        group.MapPost("/agree", Agree).RequireStanding(Rules.LeadsOnTeam);
        return app;
    }

    private static async Task<Results<Ok<FindingsRegisterView>, NotFound>> List(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (!await db.Inspections.AnyAsync(i => i.Id == inspectionId, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await FindingsRegister.Read(db, inspectionId, ct));
    }

    private static async Task<Results<Created<FindingView>, ValidationProblem, NotFound>> Create(
        Guid inspectionId, FindingRequest request, IEvaluationCriteria criteria, [AsParameters] FindingServices s)
    {
        if (await s.Db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, s.Ct) is not { } inspection) return TypedResults.NotFound();
        await s.Db.EnsureFindingsNotAgreed(inspectionId, s.Ct);
        if (request.ToFinding(inspection, criteria, s.User.Id(), s.Clock.GetUtcNow(), out var errors) is not { } finding)
            return TypedResults.ValidationProblem(errors.ToDictionary());
        s.Db.Add(finding);
        await s.Db.SaveChangesAsync(s.Ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/findings/{finding.Id}", FindingView.From(finding));
    }

    /// <summary>What the steps on one finding need: storage, the caller, the clock.</summary>
    public sealed record FindingServices(OrchestratorDbContext Db, ClaimsPrincipal User, TimeProvider Clock, CancellationToken Ct)
    {
        /// <summary>The finding, while the register is still open to changes.</summary>
        public async Task<Finding?> Open(Guid inspectionId, Guid findingId)
        {
            if (await Db.Finding(inspectionId, findingId, Ct) is not { } finding) return null;
            await Db.EnsureFindingsNotAgreed(inspectionId, Ct);
            return finding;
        }

        public async Task<Ok<FindingView>> Saved(Finding finding)
        {
            await Db.SaveChangesAsync(Ct);
            return TypedResults.Ok(FindingView.From(finding));
        }
    }

    /// <summary>Links a finding to an evaluative summary, which must exist in Ofsted's shared record for this inspection.</summary>
    private static async Task<Results<Ok<FindingView>, ValidationProblem, NotFound>> Link(
        Guid inspectionId, Guid findingId, LinkRequest request, SharedRecordSummaries sharedRecord, [AsParameters] FindingServices s)
    {
        var summaryId = request.SummaryId!.Value;
        if (await s.Open(inspectionId, findingId) is not { } finding) return TypedResults.NotFound();
        if (finding.IsLinkedTo(summaryId)) return TypedResults.Ok(FindingView.From(finding));
        if (!await sharedRecord.Exists(inspectionId, summaryId, s.Ct))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["summaryId"] = [$"'{summaryId}' is not an evaluative summary in this inspection's shared evidence record."],
            });
        finding.Link(summaryId, s.User.Id(), s.Clock.GetUtcNow());
        return await s.Saved(finding);
    }

    private static async Task<Results<Ok<FindingView>, NotFound>> Unlink(Guid inspectionId, Guid findingId, Guid summaryId, [AsParameters] FindingServices s)
    {
        if (await s.Open(inspectionId, findingId) is not { } finding || !finding.Unlink(summaryId)) return TypedResults.NotFound();
        return await s.Saved(finding);
    }

    /// <summary>¶80: the QA manager confirms a finding links clearly to the evidence.</summary>
    private static async Task<Results<Ok<FindingView>, NotFound>> ConfirmLinks(Guid inspectionId, Guid findingId, [AsParameters] FindingServices s)
    {
        if (await s.Open(inspectionId, findingId) is not { } finding) return TypedResults.NotFound();
        finding.ConfirmLinks(s.User.Id(), s.Clock.GetUtcNow());
        return await s.Saved(finding);
    }

    /// <summary>The findings are agreed only when every one is linked to evidence and the QA manager has confirmed the links.</summary>
    private static async Task<Results<Ok<FindingsRegisterView>, NotFound>> Agree(
        Guid inspectionId, IOutbox outbox, FrameworkCatalog frameworks, [AsParameters] FindingServices s)
    {
        var (db, ct) = (s.Db, s.Ct);
        if (await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is not { } inspection) return TypedResults.NotFound();
        await db.EnsureFindingsNotAgreed(inspectionId, ct);
        var findings = await db.Set<Finding>().Include(f => f.Links).Where(f => f.InspectionId == inspectionId).ToListAsync(ct);
        db.Add(FindingsAgreement.Of(inspectionId, findings, s.User.Id(), s.Clock.GetUtcNow()));
        // The areas for priority action leave with the agreement, in its transaction.
        PriorityActionEvents.Stage(outbox, inspection, frameworks.TakingPart(inspection), findings, s.Clock.GetUtcNow());
        await db.SaveAgreement(ct);
        return TypedResults.Ok(await FindingsRegister.Read(db, inspectionId, ct));
    }
}
