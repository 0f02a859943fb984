using System.Text.RegularExpressions;
using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.Survey;

public sealed record SurveyAnswer(string Question, string Answer);

public sealed record SurveyResponseView(Guid Id, string SubmittedBy, string Agency, DateTimeOffset SubmittedAt, List<SurveyAnswer> Answers);

public sealed record SurveyView(Guid InspectionId, DateTimeOffset SentAt, List<string> Questions, List<SurveyResponseView> Responses);

/// <summary>
/// ¶84: the post-inspection questionnaire goes to the partnership with the final letter; partners of
/// the area answer it (every answer optional), the inspectorates' staff read the answers.
/// </summary>
public sealed partial class IndexModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    /// <summary>Null until the questionnaire is sent with the final letter.</summary>
    public SurveyView? Survey { get; private set; }

    [BindProperty] public List<string?> Answers { get; set; } = [];

    public bool OffersAnswers => User.IsPartner();

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPost(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        var count = Survey?.Questions.Count ?? 0;
        var answers = Enumerable.Range(0, count).Select(i => Answers.ElementAtOrDefault(i)).ToList();
        var problem = await gateway.Send(HttpMethod.Post, $"{SurveyPath(id)}/responses", new { answers }, ct);
        if (problem is null) return Changed("Thank you: your answers are with the inspectorates.", new { id });
        Refused(problem, field => AnswerField().Match(field) is { Success: true } m ? new FormField($"answer-{m.Groups[1].Value}") : null, "answer-0");
        return Page();
    }

    private static string SurveyPath(Guid id) => $"/api/orchestrator/inspections/{id}/survey";

    private async Task Load(Guid id, CancellationToken ct)
    {
        var survey = gateway.Find<SurveyView>(SurveyPath(id), ct);
        Inspection = await gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Survey = await survey;
    }

    [GeneratedRegex(@"^answers\[(\d+)\]$")]
    private static partial Regex AnswerField();
}
