using System.Text.Json;
using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages.FollowUp;

public sealed record FollowUpDeadlineView(string Name, DateOnly DueOn, string Status, DateTimeOffset? MetAt, DateTimeOffset? RemindedAt, DateTimeOffset? OverdueAt);

public sealed record FollowUpStepView(string Step, string From, string To, string? Note, string By, DateTimeOffset At);

public sealed record FollowUpListItem(Guid Id, Guid InspectionId, Guid PriorityActionId, string Process, string State, bool Coordinated,
    string LocalAreaCode, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt);

/// <summary>One follow-up of a priority action in the inspectorate's own process.</summary>
public sealed record FollowUpView(Guid Id, Guid InspectionId, Guid PriorityActionId, string Inspectorate, string Process, string State,
    List<string> NextSteps, bool Coordinated, string LocalAreaCode, string LocalAreaName, List<string> Agencies, string Text,
    DateOnly? LetterDate, DateOnly? PublishedDate, DateTimeOffset OpenedAt, DateTimeOffset UpdatedAt,
    List<FollowUpDeadlineView> Deadlines, List<FollowUpStepView> History, JsonElement? Details);

/// <summary>
/// Annex B ¶110–117: after the letter each inspectorate follows up the areas for priority action in
/// its own process: Ofsted through the ILACS action plan, CQC through its management review, HMICFRS
/// through force monitoring (scan, then engage). The page shows the signed-in person's inspectorate's
/// follow-ups of the inspection: state, next steps, deadlines and history, and offers each step as a
/// form (<see cref="StepModel"/>); its own service decides who reads them and who takes each step.
/// </summary>
public sealed class IndexModel(GatewayClient gateway) : PageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public string Inspectorate { get; private set; } = "";
    public IReadOnlyList<FollowUpView> FollowUps { get; private set; } = [];

    public async Task<IActionResult> OnGet(Guid id, CancellationToken ct)
    {
        if (User.Inspectorate() is not { } inspectorate) return NotFound();
        Inspectorate = inspectorate;
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        var list = await gateway.GetAll<FollowUpListItem>($"/api/{inspectorate}/follow-ups?inspectionId={id}", ct);
        var views = new List<FollowUpView>();
        foreach (var item in list) views.Add(await gateway.Get<FollowUpView>($"/api/{inspectorate}/follow-ups/{item.Id}", ct));
        FollowUps = views;
        Inspection = await inspection;
        return Page();
    }
}

/// <summary>Each inspectorate's process, states and deadlines in words.</summary>
public static partial class FollowUpWords
{
    public static string Process(string process) => process switch
    {
        "force-monitoring" => "Force monitoring (scan and engage)",
        "management-review" => "Management review",
        "improvement-monitoring" => "Improvement monitoring",
        _ when process.StartsWith("ilacs", StringComparison.Ordinal) => "ILACS action plan",
        _ => Display.Words(process),
    };

    public static (string Text, string Colour) Deadline(string status) => status switch
    {
        "met" => ("Met", "govuk-tag--green"),
        "overdue" => ("Overdue", "govuk-tag--red"),
        "reminded" => ("Reminder sent", "govuk-tag--yellow"),
        _ => ("Due", "govuk-tag--blue"),
    };
}
