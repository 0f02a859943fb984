using System.Security.Claims;
using Jtai.Calendar.Frameworks;
using Jtai.Orchestrator.Inspections;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Jtai.Contracts.Evidence;
using Jtai.Orchestrator.Data;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Evidence;
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
    public const string SharedRecordClient = "shared-record-lookup";

    /// <summary>Inspectors link their findings to evidence; the QA manager may correct a link while checking them (¶80).</summary>
    private static readonly AccessRule LinksEvidence = Rules.EvidenceGatherers.Or(Rules.AssignedQa, "evidence-gatherers-or-qa");

    public static WebApplicationBuilder AddFindings(this WebApplicationBuilder builder)
    {
        var address = builder.Configuration["Services:ofsted:Grpc"];
        if (address is not null)
            builder.Services.AddGrpcClient<SharedRecordLookup.SharedRecordLookupClient>(SharedRecordClient, o => o.Address = new Uri(address));
        return builder;
    }

    public static IEndpointRouteBuilder MapFindings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}/findings")
            .RequireStanding(Rules.TeamOrNamedManagers)
            .WithTags("Findings");
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
        return TypedResults.Ok(await Register(db, inspectionId, ct));
    }

    private static async Task<FindingsRegisterView> Register(OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        var findings = await db.Set<Finding>().AsNoTracking().Include(f => f.Links)
            .Where(f => f.InspectionId == inspectionId).OrderBy(f => f.CreatedAt).ToListAsync(ct);
        var agreement = await db.Set<FindingsAgreement>().AsNoTracking().SingleOrDefaultAsync(a => a.InspectionId == inspectionId, ct);
        return new FindingsRegisterView(inspectionId, agreement is not null, agreement?.AgreedBy, agreement?.AgreedAt,
            findings.Select(FindingView.From).ToList());
    }

    private static async Task<Results<Created<FindingView>, ValidationProblem, NotFound>> Create(
        Guid inspectionId, FindingRequest request, ClaimsPrincipal user, OrchestratorDbContext db, IEvaluationCriteria criteria,
        TimeProvider clock, CancellationToken ct)
    {
        if (await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is not { } inspection) return TypedResults.NotFound();
        await NotAgreed(db, inspectionId, ct);
        var errors = new RequestErrors();
        if (errors.Required(request.Kind, "kind")) errors.OneOf(request.Kind, FindingKinds.All, "kind");
        if (errors.Required(request.Text, "text")) errors.MaxLength(request.Text, 5_000, "text");
        // ¶78: the letter states the services, practice or arrangements each finding relates to.
        if (string.IsNullOrWhiteSpace(request.Services))
            errors.Add("services", "'services' is required: the services, practice or arrangements the finding relates to (¶78).");
        else errors.MaxLength(request.Services, 500, "services");
        var agencies = new List<string>();
        if (request.Agencies is not { Count: > 0 }) errors.Add("agencies", "A finding names at least one agency it concerns (¶78).");
        else
            for (var i = 0; i < request.Agencies.Count; i++)
                if (errors.OneOf(request.Agencies[i], Agencies.All, $"agencies[{i}]") && !agencies.Contains(request.Agencies[i]!)) agencies.Add(request.Agencies[i]!);
        var ecs = errors.Validate(request.Criteria, criteria.For(inspection.Theme, inspection.FieldworkStart), "criteria", required: true);
        var focusAreas = errors.ValidateFocusAreas(request.FocusAreas, criteria.FocusAreas(inspection.Theme, inspection.FieldworkStart), "focusAreas");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var finding = new Finding
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Kind = request.Kind!, Text = request.Text!.Trim(), Agencies = agencies,
            Services = request.Services?.Trim(), Criteria = ecs, FocusAreas = focusAreas, CreatedBy = user.Id(), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(finding);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/findings/{finding.Id}", FindingView.From(finding));
    }

    /// <summary>Links a finding to an evaluative summary, which must exist in Ofsted's shared record for this inspection.</summary>
    private static async Task<Results<Ok<FindingView>, ValidationProblem, NotFound>> Link(
        Guid inspectionId, Guid findingId, LinkRequest request, ClaimsPrincipal user, OrchestratorDbContext db,
        GrpcClientFactory clients, ServiceToken token, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        if (request.SummaryId is not { } summaryId || summaryId == Guid.Empty)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["summaryId"] = ["'summaryId' is required."] });
        if (await Load(db, inspectionId, findingId, ct) is not { } finding) return TypedResults.NotFound();
        await NotAgreed(db, inspectionId, ct);
        if (finding.Links.Any(l => l.SummaryId == summaryId)) return TypedResults.Ok(FindingView.From(finding));

        var deadline = configuration.GetValue("Findings:SharedRecordCallTimeout", TimeSpan.FromSeconds(3));
        FindSummariesReply reply;
        try
        {
            var client = clients.CreateClient<SharedRecordLookup.SharedRecordLookupClient>(SharedRecordClient);
            // gRPC deadlines are wall-clock instants, so they come from the real clock.
            reply = await client.FindSummariesAsync(new FindSummariesRequest { InspectionId = inspectionId.ToString(), SummaryIds = { summaryId.ToString() } },
                await token.Headers(ct), DateTime.UtcNow + deadline, ct);
        }
        catch (RpcException ex)
        {
            throw new DomainRuleException("shared-record-unavailable",
                $"Ofsted's shared evidence record did not answer ({ex.StatusCode}); the link cannot be checked, try again.", StatusCodes.Status503ServiceUnavailable);
        }
        if (reply.Found.Count == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["summaryId"] = [$"'{summaryId}' is not an evaluative summary in this inspection's shared evidence record."],
            });

        finding.Links.Add(new FindingLink { FindingId = finding.Id, SummaryId = summaryId, LinkedBy = user.Id(), LinkedAt = clock.GetUtcNow() });
        // The QA manager confirmed the links as they were: a changed set needs confirming again.
        finding.LinksConfirmedAt = null;
        finding.LinksConfirmedBy = null;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(FindingView.From(finding));
    }

    private static async Task<Results<Ok<FindingView>, NotFound>> Unlink(
        Guid inspectionId, Guid findingId, Guid summaryId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await Load(db, inspectionId, findingId, ct) is not { } finding) return TypedResults.NotFound();
        await NotAgreed(db, inspectionId, ct);
        if (finding.Links.SingleOrDefault(l => l.SummaryId == summaryId) is not { } link) return TypedResults.NotFound();
        finding.Links.Remove(link);
        finding.LinksConfirmedAt = null;
        finding.LinksConfirmedBy = null;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(FindingView.From(finding));
    }

    /// <summary>¶80: the QA manager confirms a finding links clearly to the evidence.</summary>
    private static async Task<Results<Ok<FindingView>, NotFound>> ConfirmLinks(
        Guid inspectionId, Guid findingId, ClaimsPrincipal user, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await Load(db, inspectionId, findingId, ct) is not { } finding) return TypedResults.NotFound();
        await NotAgreed(db, inspectionId, ct);
        if (finding.Links.Count == 0)
            throw new DomainRuleException("findings-link-to-evidence", "This finding is not linked to any evaluative summary: there is nothing to confirm.");
        finding.LinksConfirmedBy = user.Id();
        finding.LinksConfirmedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(FindingView.From(finding));
    }

    /// <summary>The findings are agreed only when every one is linked to evidence and the QA manager has confirmed the links.</summary>
    private static async Task<Results<Ok<FindingsRegisterView>, NotFound>> Agree(
        Guid inspectionId, ClaimsPrincipal user, OrchestratorDbContext db, IOutbox outbox, FrameworkCatalog frameworks, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inspectionId, ct) is not { } inspection) return TypedResults.NotFound();
        await NotAgreed(db, inspectionId, ct);
        var findings = await db.Set<Finding>().Include(f => f.Links).Where(f => f.InspectionId == inspectionId).ToListAsync(ct);
        if (findings.Count == 0) throw new DomainRuleException("findings-to-agree", "There are no findings to agree.");
        var unlinked = findings.Where(f => f.Links.Count == 0).ToList();
        if (unlinked.Count > 0)
            throw new DomainRuleException("findings-link-to-evidence",
                $"{unlinked.Count} finding(s) are not linked to an evaluative summary ({string.Join(", ", unlinked.Select(f => f.Id))}): every finding must rest on evidence (¶80).");
        var unconfirmed = findings.Where(f => f.LinksConfirmedAt is null).ToList();
        if (unconfirmed.Count > 0)
            throw new DomainRuleException("qa-confirms-links",
                $"The QA manager has not confirmed the links of {unconfirmed.Count} finding(s) ({string.Join(", ", unconfirmed.Select(f => f.Id))}).");
        db.Add(new FindingsAgreement { InspectionId = inspectionId, AgreedBy = user.Id(), AgreedAt = clock.GetUtcNow(), Findings = findings.Count });
        // Issue 6: the areas for priority action leave with the agreement, in its transaction.
        PriorityActionEvents.Stage(outbox, inspection, frameworks.TakingPart(inspection), findings, clock.GetUtcNow());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            throw new DomainRuleException("findings-agreed", "The findings were agreed by another request.");
        }
        return TypedResults.Ok(await Register(db, inspectionId, ct));
    }

    private static Task<Finding?> Load(OrchestratorDbContext db, Guid inspectionId, Guid findingId, CancellationToken ct) =>
        db.Set<Finding>().Include(f => f.Links).SingleOrDefaultAsync(f => f.Id == findingId && f.InspectionId == inspectionId, ct);

    private static async Task NotAgreed(OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        if (await db.Set<FindingsAgreement>().AnyAsync(a => a.InspectionId == inspectionId, ct))
            throw new DomainRuleException("findings-agreed", "The findings of this inspection are agreed; the register no longer changes.");
    }
}
