using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Meetings;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.SetUp;

/// <summary>
/// Week 1's set-up (¶20–24): what the multi-agency set-up discussion agreed, the link person, the safeguarding incidents the
/// area made the team aware of and the information agreed beyond Annex A. The leads record it; the team, the named managers
/// and the area's partners (who took part in the discussion, ¶20) read it.
/// </summary>
public static class SetUpApi
{
    public const string Path = "/api/orchestrator/inspections/{inspectionId:guid}/set-up";

    public static IEndpointRouteBuilder MapSetUpApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Set-up").ValidateRequests();
        group.MapGet("/", Get).RequireStanding(SetUpStage.Readers);
        group.MapPut("/agreement", Agree).RequireStanding(Rules.LeadsOnTeam);
        group.MapPut("/link-person", LinkPerson).RequireStanding(Rules.LeadsOnTeam);
        group.MapPost("/safeguarding-incidents", Incident).RequireStanding(Rules.LeadsOnTeam);
        group.MapPost("/additional-information", Additional).RequireStanding(Rules.LeadsOnTeam);
        return app;
    }

    /// <summary>What the set-up's steps need: storage, the caller, the clock.</summary>
    public sealed record SetUpServices(OrchestratorDbContext Db, ClaimsPrincipal User, TimeProvider Clock, CancellationToken Ct)
    {
        /// <summary>The set-up's row, once the inspection is being set up (¶16–20).</summary>
        public async Task<InspectionSetUp> OpenRow(Guid inspectionId)
        {
            await SetUpStage.EnsureSetUpOpen(Db, inspectionId, Ct);
            return await Db.SetUpRow(inspectionId, Ct);
        }

        public async Task<Ok<SetUpView>> Saved(Guid inspectionId)
        {
            await Db.SaveSetUp(Ct);
            return TypedResults.Ok(await Db.SetUpView(inspectionId, Ct));
        }

        /// <summary>Adds a record of the set-up, once the inspection is being set up.</summary>
        public async Task Add(Guid inspectionId, object record)
        {
            await SetUpStage.EnsureSetUpOpen(Db, inspectionId, Ct);
            Db.Add(record);
            await Db.SaveChangesAsync(Ct);
        }
    }

    private static async Task<Ok<SetUpView>> Get(Guid inspectionId, OrchestratorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.SetUpView(inspectionId, ct));

    /// <summary>¶20: recorded against the set-up discussion's meeting record, which says who attended.</summary>
    private static async Task<Results<Ok<SetUpView>, ValidationProblem>> Agree(Guid inspectionId, SetUpAgreementBody body, [AsParameters] SetUpServices s)
    {
        var recorded = body.SetUpDiscussionId is { } meetingId && await s.Db.Set<InspectionMeeting>()
            .AnyAsync(m => m.Id == meetingId && m.InspectionId == inspectionId && m.Kind == MeetingKinds.SetUpDiscussion, s.Ct);
        if (body.Check(recorded, out var errors) is not { } contacts) return TypedResults.ValidationProblem(errors.ToDictionary());
        var setUp = await s.OpenRow(inspectionId);
        setUp.Agree(body, contacts, s.User.Id(), s.Clock.GetUtcNow());
        return await s.Saved(inspectionId);
    }

    /// <summary>¶21: the area identifies a link person; the lead records who (a later change replaces them).</summary>
    private static async Task<Results<Ok<SetUpView>, ValidationProblem>> LinkPerson(Guid inspectionId, SetUpContactBody body, [AsParameters] SetUpServices s)
    {
        var setUp = await s.OpenRow(inspectionId);
        setUp.RecordLinkPerson(body.ToContact(), s.User.Id(), s.Clock.GetUtcNow());
        return await s.Saved(inspectionId);
    }

    private static async Task<Results<Created<SafeguardingIncidentView>, ValidationProblem>> Incident(Guid inspectionId, SafeguardingIncidentBody body, [AsParameters] SetUpServices s)
    {
        var incident = body.ToIncident(inspectionId, s.User.Id(), s.Clock.GetUtcNow());
        await s.Add(inspectionId, incident);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/set-up", SafeguardingIncidentView.From(incident));
    }

    /// <summary>¶24: agreed only with both justifications shown.</summary>
    private static async Task<Results<Created<AdditionalInformationView>, ValidationProblem>> Additional(Guid inspectionId, AdditionalInformationBody body, [AsParameters] SetUpServices s)
    {
        var item = body.ToAdditionalInformation(inspectionId, s.User.Id(), s.Clock.GetUtcNow());
        await s.Add(inspectionId, item);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/set-up", AdditionalInformationView.From(item));
    }
}
