using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Orchestrator.Survey;

/// <summary>
/// ¶84: with the final letter the DCS is asked to coordinate the partnership's response to the
/// evaluation questionnaire; the responses are kept for the inspectorates to improve inspections.
/// The questions are configuration (Survey:Questions) so they can change without a release.
/// </summary>
public static class SurveyApi
{
    public static WebApplicationBuilder AddSurvey(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SurveyOptions>(builder.Configuration.GetSection("Survey"));
        return builder;
    }

    public static IEndpointRouteBuilder MapSurvey(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/orchestrator/inspections/{inspectionId:guid}/survey").RequireStanding(Rules.StaffOnInspection.Or(Rules.PartnersOfArea, "staff-or-partners-of-area")).WithTags("Survey");
        group.MapGet("/", Get);
        // ¶84: the partnership answers the questionnaire sent with the final letter.
        group.MapPost("/responses", Respond).RequireStanding(Rules.PartnersOfArea);
        return app;
    }

    private static async Task<Results<Ok<SurveyView>, NotFound>> Get(Guid inspectionId, OrchestratorDbContext db,
        IOptions<SurveyOptions> options, CancellationToken ct)
    {
        if (await db.Letter(inspectionId, ct) is not { SurveySentAt: { } sent }) return TypedResults.NotFound();
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.InspectionId == inspectionId).OrderBy(r => r.SubmittedAt).ToListAsync(ct);
        return TypedResults.Ok(new SurveyView(inspectionId, sent, options.Value.Questions, responses.Select(SurveyResponseView.From).ToList()));
    }

    private static async Task<Results<Created<SurveyResponseView>, ValidationProblem, NotFound>> Respond(
        Guid inspectionId, SurveyResponseRequest request, ClaimsPrincipal user, OrchestratorDbContext db, IOptions<SurveyOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var questions = options.Value.Questions;
        var answers = request.CheckFor(questions, out var errors);
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        var sentAt = (await db.Letter(inspectionId, ct))?.SurveySentAt;
        var response = SurveyResponse.Submit(inspectionId, sentAt, questions, answers, user.Id(), user.Agency()!, clock.GetUtcNow());
        db.Add(response);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/survey", SurveyResponseView.From(response));
    }
}
