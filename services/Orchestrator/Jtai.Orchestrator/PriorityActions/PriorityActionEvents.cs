using Jtai.Contracts.Events;
using Jtai.Messaging.Outbox;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.Inspections;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Orchestrator.PriorityActions;

/// <summary>
/// ¶79, Annex B: when the findings are agreed, each area for priority action goes to the
/// inspectorates through the outbox, in the same transaction as the agreement, so it is published
/// once and only once (the agreement cannot be made twice). The finding's id is the priority
/// action's id; each inspectorate takes the ones for its agency (local authority → Ofsted, health →
/// CQC, police → HMICFRS, several or the MASA → all three, coordinated). The event names the inspectorates
/// taking part, so an Ofsted-only inspection's actions are Ofsted's alone, coordinated with nobody.
/// </summary>
public static class PriorityActionEvents
{
    public static bool IsCoordinated(IReadOnlyCollection<string> agencies) =>
        agencies.Distinct().Count() > 1 || agencies.Contains(Agencies.Masa);

    public static int Stage(IOutbox outbox, Inspection inspection, IReadOnlyList<string> takingPart, IEnumerable<Finding> findings, DateTimeOffset at)
    {
        var count = 0;
        foreach (var f in findings.Where(f => f.Kind == FindingKinds.AreaForPriorityAction).OrderBy(f => f.CreatedAt))
        {
            outbox.Publish(new PriorityActionIdentified(inspection.Id, f.Id, inspection.LocalAreaCode, inspection.LocalAreaName,
                f.Agencies.Distinct().ToList(), IsCoordinated(f.Agencies) && takingPart.Count > 1, f.Text, LetterDate: null, PublishedDate: null, at, takingPart));
            count++;
        }
        return count;
    }
}
