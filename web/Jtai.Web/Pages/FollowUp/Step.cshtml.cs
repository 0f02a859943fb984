using System.Net;
using System.Text.Json;
using Jtai.ServiceDefaults.Security;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.FollowUp;

/// <summary>
/// One step of the signed-in person's inspectorate's follow-up, as a GOV.UK form (Annex B ¶110–117).
/// The form posts to that inspectorate's service as the person; the service decides whether the step
/// is theirs to take and whether the follow-up is ready for it, and its problems are shown beside the
/// fields they name (a refusal without fields, politely, at the top).
/// </summary>
public sealed class StepModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public FollowUpView FollowUp { get; private set; } = null!;
    public FollowUpStep Step { get; private set; } = null!;
    public string Inspectorate { get; private set; } = "";
    /// <summary>The regulatory action the step closes (CQC), by its kind.</summary>
    public string? ActionKind { get; private set; }

    /// <summary>What the person typed or chose, by the request's property name, to show again with the errors.</summary>
    public Dictionary<string, string?> Texts { get; } = [];
    public Dictionary<string, List<string>> Chosen { get; } = [];
    public Dictionary<string, DateParts> Dates { get; } = [];

    public async Task<IActionResult> OnGet(Guid id, Guid followUpId, string step, Guid? action, CancellationToken ct)
    {
        if (!Choose(step)) return NotFound();
        await Load(id, followUpId, action, ct);
        return Page();
    }

    public async Task<IActionResult> OnPost(Guid id, Guid followUpId, string step, Guid? action, CancellationToken ct)
    {
        if (!Choose(step)) return NotFound();
        var body = new Dictionary<string, object?>();
        foreach (var field in Step.Fields) body[field.Name] = Read(field);
        if (Errors.Count == 0)
        {
            var path = $"/api/{Inspectorate}/follow-ups/{followUpId}/{Step.Path.Replace("{action}", action?.ToString() ?? "", StringComparison.Ordinal)}";
            var problem = await gateway.Send(HttpMethod.Post, path, body, ct);
            if (problem is null)
            {
                Done = Step.Done;
                return RedirectToPage("Index", new { id });
            }
            if (problem.Status == (int)HttpStatusCode.Forbidden && problem.Errors.Count == 0)
                Errors.Add(new PageError(Step.Fields[0].Anchor,
                    $"{Display.Inspectorate(Inspectorate)} does not let you take this step{(problem.Detail is { } why ? $": {why}" : ". Ask a colleague who may take it.")}"));
            else
                Refused(problem, FieldOf, Step.Fields[0].Anchor);
        }
        await Load(id, followUpId, action, ct);
        return Page();
    }

    private bool Choose(string slug)
    {
        Inspectorate = User.Inspectorate() ?? "";
        Step = FollowUpSteps.Find(Inspectorate, slug)!;
        return Step is not null;
    }

    /// <summary>The request's value from the form; a date that is not a real one is the form's own error (the service never sees it).</summary>
    private object? Read(StepField field)
    {
        var form = Request.Form;
        switch (field.Input)
        {
            case StepInput.Date:
                var parts = new DateParts { Day = form[$"{field.Name}.Day"], Month = form[$"{field.Name}.Month"], Year = form[$"{field.Name}.Year"] };
                Dates[field.Name] = parts;
                return parts.ToDate(field.Anchor, What(field), Errors, required: false);
            case StepInput.OneOf or StepInput.YesNo:
                var one = form[field.Name].ToString();
                Chosen[field.Name] = one.Length == 0 ? [] : [one];
                if (field.Input == StepInput.OneOf) return one.Length == 0 ? null : one;
                return one switch { "yes" => true, "no" => false, _ => null };
            case StepInput.AnyOf:
                var any = form[field.Name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
                Chosen[field.Name] = any;
                return any;
            case StepInput.Lines:
                var text = form[field.Name].ToString();
                Texts[field.Name] = text;
                return text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            default:
                var value = form[field.Name].ToString();
                Texts[field.Name] = value;
                return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
    }

    /// <summary>"the date of the visit" for "The date of the visit must be a real date".</summary>
    private static string What(StepField field) => field.What.StartsWith("the ", StringComparison.Ordinal) ? field.What[4..] : field.What;

    /// <summary>The service names a request property, or an entry of a list ("departments[1]"): both go to the field.</summary>
    private FormField? FieldOf(string name)
    {
        var property = name.TrimStart('$', '.').Split('[', '.')[0];
        return Step.Fields.FirstOrDefault(f => string.Equals(f.Name, property, StringComparison.OrdinalIgnoreCase)) is { } field
            ? new FormField(field.Anchor, field.Missing)
            : null;
    }

    private async Task Load(Guid id, Guid followUpId, Guid? action, CancellationToken ct)
    {
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        FollowUp = await gateway.Get<FollowUpView>($"/api/{Inspectorate}/follow-ups/{followUpId}", ct);
        Inspection = await inspection;
        if (FollowUp.InspectionId != id) throw new GatewayRefusal(HttpStatusCode.NotFound, Request.Path);
        if (Step.Path.Contains("{action}", StringComparison.Ordinal))
        {
            ActionKind = FollowUpWords.Actions(FollowUp.Details).FirstOrDefault(a => a.Id == action)?.Kind
                ?? throw new GatewayRefusal(HttpStatusCode.NotFound, Request.Path);
        }
    }

    public TextField TextOf(StepField field) => new(field.Name, field.Name, field.Label, Texts.GetValueOrDefault(field.Name), ErrorFor(field.Anchor),
        field.Hint, Rows: field.Input is StepInput.LongText or StepInput.Lines ? 5 : 0);

    public ChoiceField ChoicesOf(StepField field) => new(field.Name, field.Name, field.Label,
        field.Input == StepInput.YesNo ? [new("yes", "Yes"), new("no", "No")] : field.Choices ?? [],
        Chosen.GetValueOrDefault(field.Name) ?? [], ErrorFor(field.Anchor), field.Hint, Multiple: field.Input == StepInput.AnyOf,
        Inline: field.Input == StepInput.YesNo);

    public DateField DateOf(StepField field) => new(field.Name, field.Name, field.Label, field.Hint,
        Dates.GetValueOrDefault(field.Name) ?? new DateParts(), ErrorFor(field.Anchor));
}

/// <summary>A regulatory action CQC's management review decided (from the follow-up's details).</summary>
public sealed record RegulatoryActionItem(Guid Id, string Kind, string Status, string? Outcome);

public static partial class FollowUpWords
{
    /// <summary>The regulatory actions in a CQC follow-up's details; none for the other processes.</summary>
    public static IReadOnlyList<RegulatoryActionItem> Actions(JsonElement? details) =>
        details is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array
            ? actions.Deserialize<List<RegulatoryActionItem>>(GatewayClient.Json) ?? []
            : [];
}
