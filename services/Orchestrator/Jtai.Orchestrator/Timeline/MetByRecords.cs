using Jtai.Calendar.Timeline;
using Jtai.Contracts.InformationRequests;
using Jtai.Orchestrator.Meetings;

namespace Jtai.Orchestrator.Timeline;

/// <summary>
/// The milestones that only what really happened meets: the delivered notices of notification (¶16), the
/// partnership's Annex A deliveries (¶91), the three inspectorates' complete evidence records (¶74), the letter's deliveries (¶82–83) and the meetings of the fieldwork week (¶36–47). Nobody marks
/// them met by hand, and no change of stage meets them.
/// </summary>
public static class MetByRecords
{
    /// <summary>What meets <paramref name="key"/>, or null when it is marked met by hand.</summary>
    public static string? What(string key) => key switch
    {
        MilestoneKeys.Notification => "the delivery of each inspectorate's notices",
        MilestoneKeys.DraftLetter => "the delivery of the draft letter to the DCS",
        MilestoneKeys.FinalLetter => "the delivery of the final letter to each of its addressees",
        MilestoneKeys.EvidenceComplete => "every inspector of all three inspectorates completing their evidence record",
        _ when AnnexAItems.All.Any(i => i.Due == key) => "the delivery of every Annex A item due by it",
        _ when MeetingKinds.All.FirstOrDefault(k => MeetingKinds.Meets(k).Contains(key)) is { } kind => $"recording the {kind} that was held",
        _ => null,
    };
}
