using System.Security.Claims;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
        return TypedResults.Ok(new SurveyView(inspectionId, sent, options.Value.Questions,
            responses.Select(r => new SurveyResponseView(r.Id, r.SubmittedBy, r.Agency, r.SubmittedAt, r.Answers)).ToList()));
    }

    private static async Task<Results<Created<SurveyResponseView>, ValidationProblem, NotFound>> Respond(
        Guid inspectionId, SurveyResponseRequest request, ClaimsPrincipal user, OrchestratorDbContext db, IOptions<SurveyOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var questions = options.Value.Questions;
        var errors = new RequestErrors();
        var answers = new List<string>();
        if (request.Answers is null || request.Answers.Count != questions.Count)
            errors.Add("answers", $"Answer each of the {questions.Count} questions, in order (an empty answer is allowed).");
        else
            for (var i = 0; i < request.Answers.Count; i++)
                if (errors.MaxLength(request.Answers[i], 10_000, $"answers[{i}]")) answers.Add(request.Answers[i]?.Trim() ?? "");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (await db.Letter(inspectionId, ct) is not { SurveySentAt: not null })
            throw new DomainRuleException("survey-with-final-letter", "The questionnaire is sent with the final letter (¶84); it has not been sent yet.");
        var response = new SurveyResponse
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, SubmittedBy = user.Id(), Agency = user.Agency()!, SubmittedAt = clock.GetUtcNow(),
            AnswersJson = System.Text.Json.JsonSerializer.Serialize(questions.Select((q, i) => new SurveyAnswer(q, answers[i])).ToList(), Jtai.Messaging.MessageTypes.Json),
        };
        db.Add(response);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/orchestrator/inspections/{inspectionId}/survey", new SurveyResponseView(response.Id, response.SubmittedBy,
            response.Agency, response.SubmittedAt, response.Answers));
    }
}

public sealed class SurveyOptions
{
    public List<string> Questions { get; set; } = [];
}

public sealed class SurveyResponse
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string SubmittedBy { get; set; }
    public required string Agency { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>Each answer with the question as it was asked (JSON), so a later change of questions does not re-label old answers.</summary>
    public required string AnswersJson { get; set; }

    public IReadOnlyList<SurveyAnswer> Answers =>
        System.Text.Json.JsonSerializer.Deserialize<List<SurveyAnswer>>(AnswersJson, Jtai.Messaging.MessageTypes.Json) ?? [];
}

public sealed record SurveyAnswer(string Question, string Answer);

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> e)
    {
        e.ToTable("survey_responses");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Property(r => r.SubmittedBy).HasMaxLength(200);
        e.Property(r => r.Agency).HasMaxLength(40);
        e.HasIndex(r => r.InspectionId);
        e.Property(r => r.AnswersJson).HasColumnType("jsonb");
        e.Ignore(r => r.Answers);
    }
}

public sealed record SurveyResponseRequest(List<string?>? Answers);

public sealed record SurveyResponseView(Guid Id, string SubmittedBy, string Agency, DateTimeOffset SubmittedAt, IReadOnlyList<SurveyAnswer> Answers);

public sealed record SurveyView(Guid InspectionId, DateTimeOffset SentAt, IReadOnlyList<string> Questions, IReadOnlyList<SurveyResponseView> Responses);
