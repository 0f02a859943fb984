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

    public InspectionTimeline Timeline(Inspection inspection) =>
        timelines.Calculate(frameworks.Get(inspection.Theme, inspection.FrameworkVersion), inspection.FieldworkStart);

    public LetterContent Draft(Inspection inspection, IReadOnlyList<Finding> findings, IReadOnlyList<string>? headline,
        NextSteps nextSteps, Addressees addressees, IReadOnlyList<Signatory> signatories)
    {
        var framework = frameworks.Get(inspection.Theme, inspection.FrameworkVersion);
        var timeline = timelines.Calculate(framework, inspection.FieldworkStart);
        var end = timeline[MilestoneKeys.FieldworkEnd].Date;
        var single = framework.Inspectorates.Count == 1 ? AgencyNames.Inspectorate(framework.Inspectorates[0]) : null;
        var opening = single is not null
            ? $"Targeted inspection of {framework.Name.ToLowerInvariant()} in {inspection.LocalAreaName}. " +
              $"From {inspection.FieldworkStart:d MMMM yyyy} to {end:d MMMM yyyy}, {single} alone inspected {framework.Name.ToLowerInvariant()} " +
              $"in {inspection.LocalAreaName}, using the joint targeted area inspection framework as a single-agency inspection. " +
              "This letter sets out the key strengths and the recommendations."
            : $"Joint targeted area inspection of the multi-agency response to {framework.Name.ToLowerInvariant()} in {inspection.LocalAreaName}. " +
            $"From {inspection.FieldworkStart:d MMMM yyyy} to {end:d MMMM yyyy}, {AgencyNames.InFull(framework.Inspectorates)} " +
            "carried out a joint inspection of the multi-agency response " +
            $"to {framework.Name.ToLowerInvariant()} in {inspection.LocalAreaName}. This letter summarises the inspection findings.";

        List<string> Of(string kind) => findings.Where(f => f.Kind == kind).OrderBy(f => f.CreatedAt).Select(Paragraph).ToList();
        var priority = Of(FindingKinds.AreaForPriorityAction);
        var improve = Of(FindingKinds.AreaForImprovement);
        var strengths = Of(FindingKinds.Strength);
        var headlines = headline is { Count: > 0 }
            ? headline.ToList()
            : [$"{single ?? "The inspectorates"} found {Count(strengths.Count, "strength")}, {Count(improve.Count, "area for improvement", "areas for improvement")} " +
               $"and {Count(priority.Count, "area for priority action", "areas for priority action")} in the {(single is null ? "multi-agency" : "local authority's")} response in {inspection.LocalAreaName}."];
        var main = findings.OrderBy(f => f.CreatedAt)
            .Select(f => $"{f.Text.TrimEnd('.')}. (Evaluation criteria {string.Join(", ", f.Criteria)}.)").ToList();
        return new LetterContent(opening, headlines, priority, improve, strengths, main, nextSteps, addressees, signatories)
        {
            Form = framework.LetterForm,
            ResponseToLetter = framework.ResponseToLetter,
        };
    }

    private static string Paragraph(Finding f)
    {
        var services = string.IsNullOrWhiteSpace(f.Services) ? "" : $" This concerns {f.Services}.";
        return $"{f.Text.TrimEnd('.')}.{services} Agencies: {string.Join(", ", f.Agencies.Select(AgencyNames.Of))}.";
    }

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}
