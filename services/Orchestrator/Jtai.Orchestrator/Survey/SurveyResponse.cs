using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Survey;

public sealed class SurveyOptions
{
    public List<string> Questions { get; set; } = [];
}

/// <summary>¶84: one response of the partnership to the evaluation questionnaire sent with the final letter.</summary>
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

    public const int AnswerLength = 10_000;

    /// <summary>The partnership's answers, each with its question; only once the questionnaire went with the final letter (¶84).</summary>
    public static SurveyResponse Submit(Guid inspectionId, DateTimeOffset? surveySentAt, IReadOnlyList<string> questions, IReadOnlyList<string> answers,
        string by, string agency, DateTimeOffset at)
    {
        if (surveySentAt is null)
            throw new DomainRuleException("survey-with-final-letter", "The questionnaire is sent with the final letter (¶84); it has not been sent yet.");
        return new SurveyResponse
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, SubmittedBy = by, Agency = agency, SubmittedAt = at,
            AnswersJson = System.Text.Json.JsonSerializer.Serialize(questions.Select((q, i) => new SurveyAnswer(q, answers[i])).ToList(), Jtai.Messaging.MessageTypes.Json),
        };
    }
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

/// <summary>One answer per question, in order (an empty answer is allowed).</summary>
public sealed record SurveyResponseRequest(List<string?>? Answers)
{
    public List<string> CheckFor(IReadOnlyList<string> questions, out RequestErrors errors)
    {
        errors = new RequestErrors();
        var answers = new List<string>();
        if (Answers is null || Answers.Count != questions.Count)
            errors.Add("answers", $"Answer each of the {questions.Count} questions, in order (an empty answer is allowed).");
        else
            for (var i = 0; i < Answers.Count; i++)
                if (errors.MaxLength(Answers[i], SurveyResponse.AnswerLength, $"answers[{i}]")) answers.Add(Answers[i]?.Trim() ?? "");
        return answers;
    }
}

public sealed record SurveyResponseView(Guid Id, string SubmittedBy, string Agency, DateTimeOffset SubmittedAt, IReadOnlyList<SurveyAnswer> Answers)
{
    public static SurveyResponseView From(SurveyResponse r) => new(r.Id, r.SubmittedBy, r.Agency, r.SubmittedAt, r.Answers);
}

public sealed record SurveyView(Guid InspectionId, DateTimeOffset SentAt, IReadOnlyList<string> Questions, IReadOnlyList<SurveyResponseView> Responses);
