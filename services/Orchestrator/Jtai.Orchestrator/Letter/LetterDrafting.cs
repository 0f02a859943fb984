using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.Inspections;

namespace Jtai.Orchestrator.Letter;

/// <summary>Drafts the first version of the letter from the agreed findings register (¶78): nothing is invented here.</summary>
public sealed class LetterDrafting(FrameworkCatalog frameworks, TimelineCalculator timelines)
{
    /// <summary>The inspectorates taking part: each signs the letter and agrees it (¶81).</summary>
    public IReadOnlyList<string> TakingPart(Inspection inspection) => frameworks.TakingPart(inspection);

    /// <summary>The focus areas of the inspection's framework version: the letter's sections.</summary>
    public IReadOnlyList<FocusArea> FocusAreas(Inspection inspection) => frameworks.Get(inspection.Theme, inspection.FrameworkVersion).FocusAreaPrompts;

    public InspectionTimeline Timeline(Inspection inspection) =>
        timelines.Calculate(frameworks.Get(inspection.Theme, inspection.FrameworkVersion), inspection.FieldworkStart);

    /// <param name="criteriaInText">
    /// Whether the main findings print their evaluation criteria codes: they are the team's working references, so the
    /// published text leaves them out unless the lead chooses to keep them.
    /// </param>
    public LetterContent Draft(Inspection inspection, IReadOnlyList<Finding> findings, IReadOnlyList<string>? headline,
        NextSteps nextSteps, Addressees addressees, IReadOnlyList<Signatory> signatories, bool criteriaInText = false)
    {
        var framework = frameworks.Get(inspection.Theme, inspection.FrameworkVersion);
        var timeline = timelines.Calculate(framework, inspection.FieldworkStart);
        var end = timeline[MilestoneKeys.FieldworkEnd].Date;
        var single = framework.Inspectorates.Count == 1 ? AgencyNames.Inspectorate(framework.Inspectorates[0]) : null;
        // The framework's subject, not its name: "the multi-agency response to identification of initial need and risk", never
        // "the multi-agency response to the multi-agency response to …".
        var subject = framework.LetterSubject;
        var opening = single is not null
            ? $"Targeted inspection of {subject} in {inspection.LocalAreaName}. " +
              $"From {inspection.FieldworkStart:d MMMM yyyy} to {end:d MMMM yyyy}, {single} alone inspected {subject} " +
              $"in {inspection.LocalAreaName}, using the joint targeted area inspection framework as a single-agency inspection. " +
              "This letter sets out the key strengths and the recommendations."
            : $"Joint targeted area inspection of the multi-agency response to {subject} in {inspection.LocalAreaName}. " +
            $"From {inspection.FieldworkStart:d MMMM yyyy} to {end:d MMMM yyyy}, {AgencyNames.InFull(framework.Inspectorates)} " +
            "carried out a joint inspection of the multi-agency response " +
            $"to {subject} in {inspection.LocalAreaName}. This letter summarises the inspection findings.";

        List<string> Of(string kind) => findings.Where(f => f.Kind == kind).OrderBy(f => f.CreatedAt).Select(Paragraph).ToList();
        var priority = Of(FindingKinds.AreaForPriorityAction);
        var improve = Of(FindingKinds.AreaForImprovement);
        var strengths = Of(FindingKinds.Strength);
        var headlines = headline is { Count: > 0 }
            ? headline.ToList()
            : [$"{single ?? "The inspectorates"} found {Count(strengths.Count, "strength")}, {Count(improve.Count, "area for improvement", "areas for improvement")} " +
               $"and {Count(priority.Count, "area for priority action", "areas for priority action")} in the {(single is null ? "multi-agency" : "local authority's")} response in {inspection.LocalAreaName}."];
        string Main(Finding f) => criteriaInText ? $"{f.Text.TrimEnd('.')}. (Evaluation criteria {string.Join(", ", f.Criteria)}.)" : $"{f.Text.TrimEnd('.')}.";
        var ordered = findings.OrderBy(f => f.CreatedAt).ToList();
        var main = ordered.Where(f => FirstFocusArea(f, framework) is null).Select(Main).ToList();
        // A finding sits in the section of the first focus area it names, in the framework's order, so it is said once.
        var sections = framework.FocusAreaPrompts
            .Select(area => new FocusAreaSection(area.Code, area.Heading, ordered.Where(f => FirstFocusArea(f, framework) == area.Code).Select(Main).ToList()))
            .Where(s => s.Paragraphs.Count > 0).ToList();
        return new LetterContent(opening, headlines, priority, improve, strengths, main, nextSteps, addressees, signatories)
        {
            Form = framework.LetterForm,
            ResponseToLetter = framework.ResponseToLetter,
            FindingsByFocusArea = sections,
        };
    }

    private static string? FirstFocusArea(Finding f, Framework framework) =>
        framework.FocusAreaPrompts.FirstOrDefault(a => f.FocusAreas.Contains(a.Code))?.Code;

    private static string Paragraph(Finding f)
    {
        var services = string.IsNullOrWhiteSpace(f.Services) ? "" : $" This concerns {f.Services}.";
        return $"{f.Text.TrimEnd('.')}.{services} Agencies: {string.Join(", ", f.Agencies.Select(AgencyNames.Of))}.";
    }

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}
