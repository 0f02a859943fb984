using System.Text.RegularExpressions;
using Jtai.Web.Gateway;
using Jtai.Web.Pages.Forms;
using Jtai.Web.Pages.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace Jtai.Web.Pages.CaseSelection;

/// <summary>
/// ¶98: police and health answer, for each of the 30 children the lead inspector selected, whether
/// the child (and, for the police, the parents or carers) is known to them. Answers may be given a
/// few at a time; the item is received when all 30 are answered. The platform decides who is asked
/// what: another agency is asked nothing here.
/// </summary>
public sealed partial class AnswersModel(GatewayClient gateway) : FormPageModel
{
    public InspectionView Inspection { get; private set; } = null!;
    public IReadOnlyList<AskedChild> Children { get; private set; } = [];
    public IReadOnlyList<string> Questions => Children.FirstOrDefault(c => c.Questions.Count > 0)?.Questions ?? [];

    /// <summary>What was chosen on the form, by "child id/question", kept when the page is shown again with errors.</summary>
    public Dictionary<string, string> Chosen { get; private set; } = [];

    public async Task OnGet(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPost(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        Chosen = Request.Form.Where(f => f.Key.StartsWith("answer/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["answer/".Length..], f => f.Value.ToString());
        // A child goes to the platform when any of its questions is answered on the form; the platform
        // says which answer is still missing.
        var sent = Children.Where(c => c.Questions.Any(q => Chosen.ContainsKey($"{c.ChildId}/{q}"))).ToList();
        if (sent.Count == 0)
        {
            Errors.Add(new PageError(Children.Count > 0 ? Anchor(0, Questions[0]) : "answers", "Answer the questions for at least one child"));
            return Page();
        }
        var answers = sent.Select(c => c.Questions.ToDictionary(q => q, q => Chosen.TryGetValue($"{c.ChildId}/{q}", out var v) ? (bool?)(v == "yes") : null))
            .Select((a, i) => new Dictionary<string, object?>(a.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value))) { ["childId"] = sent[i].ChildId })
            .ToList();
        var result = await gateway.Send<List<AskedChild>>(HttpMethod.Put, SelectionPaths.Answers(id), new { answers }, ct);
        if (result.Value is { } now)
            return Changed($"Answers saved for {sent.Count} {(sent.Count == 1 ? "child" : "children")}. {now.Count(c => c.Answered)} of {now.Count} children answered.", new { id });
        Refused(result.Problem!, field =>
        {
            // answers[k].question: the k-th child sent, at its row on the page.
            var match = AnswerField().Match(field);
            if (!match.Success) return null;
            var child = sent[int.Parse(match.Groups[1].Value)];
            var question = match.Groups[2].Success ? match.Groups[2].Value : child.Questions[0];
            var row = Children.ToList().IndexOf(child);
            return new FormField(Anchor(row, child.Questions.Contains(question) ? question : child.Questions[0]),
                $"Answer \"{Questions98.Text(question)}\" for child {child.ChildId}");
        }, Children.Count > 0 ? Anchor(0, Questions[0]) : "answers");
        return Page();
    }

    public static string Anchor(int row, string question) => $"answer-{row}-{question}-0";

    /// <summary>The answer shown: as chosen on the form, else as the platform holds it.</summary>
    public string? Shown(AskedChild child, string question) =>
        Chosen.TryGetValue($"{child.ChildId}/{question}", out var chosen) ? chosen
        : child.Answer(question) switch { true => "yes", false => "no", null => null };

    private async Task Load(Guid id, CancellationToken ct)
    {
        var inspection = gateway.Get<InspectionView>(InspectionPaths.Inspection(id), ct);
        Children = await gateway.Get<List<AskedChild>>(SelectionPaths.Asked(id), ct);
        Inspection = await inspection;
    }

    [GeneratedRegex(@"^answers\[(\d+)\](?:\.(\w+))?$")]
    private static partial Regex AnswerField();
}
