using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;

namespace Jtai.Orchestrator.InformationRequests;

/// <summary>
/// When each item of the request is due for one inspection: the milestone the catalogue names,
/// placed on the inspection's own timeline (its framework, its current fieldwork start, England's
/// working days), so a deferral or a bank holiday in week 1 or 2 moves the deadlines with it.
/// </summary>
public static class InformationDeadlines
{
    public static InspectionTimeline TimelineOf(string theme, DateOnly fieldworkStart, FrameworkCatalog frameworks, TimelineCalculator timelines)
    {
        if (!frameworks.TryGetLatest(theme, out var framework))
            throw new InvalidOperationException($"No framework '{theme}' in the catalogue: the inspection's deadlines cannot be placed.");
        return timelines.Calculate(framework, fieldworkStart);
    }
}
