using Jtai.Calendar.Registry;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Inspections;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Inspectorate.FollowUp;

/// <summary>
/// Which inspectorates follow up an area for priority action (Annex B): each agency named by its own
/// inspectorate, and only those: the local authority → Ofsted (¶111), a health service → CQC (¶112–113),
/// a police force → HMICFRS (¶114–117), a youth justice service or probation → HMI Probation; the registry says so
/// (each inspectorate's "followsUp"). A health and police action is CQC's and HMICFRS's: no ILACS action
/// plan is asked of a local authority the action does not name. The MASA is the three safeguarding partners
/// together, so its actions bring in their three inspectorates (¶110). Several agencies or the MASA make an action
/// coordinated. Annex B names no inspectorate for schools alone; Ofsted, which inspects schools and leads
/// the JTAI, takes those.
/// Only inspectorates taking part follow up: an action routed to none of them is the leading one's (an
/// Ofsted-only inspection's are all Ofsted's, 2015 consultation Part 2 ¶34), and one inspectorate alone
/// coordinates with nobody.
/// </summary>
public static class PriorityActionRouting
{
    public static bool IsCoordinated(IReadOnlyCollection<string> agencies) =>
        agencies.Distinct().Count() > 1 || agencies.Contains(Agencies.Masa);

    public static IReadOnlyList<string> Owners(PriorityActionIdentified action)
    {
        var takingPart = TakingPart.Of(action.Inspectorates);
        var routed = Routed(action).Where(takingPart.Contains).ToList();
        return routed.Count > 0 ? routed : [takingPart[0]];
    }

    /// <summary>Whether the inspectorates follow the action up together (¶110): several agencies, and several inspectorates taking part.</summary>
    public static bool IsCoordinatedFollowUp(PriorityActionIdentified action) =>
        (action.Coordinated || IsCoordinated(action.Agencies)) && TakingPart.Of(action.Inspectorates).Count > 1;

    /// <summary>The registry says who follows up which agency (shared/inspectorates.json, "followsUp"), in its order.</summary>
    private static IReadOnlyList<string> Routed(PriorityActionIdentified action)
    {
        var owners = action.Agencies.Distinct().SelectMany(InspectorateRegistry.Current.FollowingUp).ToHashSet();
        return Inspectorates.All.Where(owners.Contains).ToList();
    }

    /// <summary>Why a message cannot be a priority action at all (poison), or null.</summary>
    public static string? Invalid(PriorityActionIdentified action)
    {
        if (action.InspectionId == Guid.Empty || action.PriorityActionId == Guid.Empty) return "lacks an inspection id or a priority action id";
        if (string.IsNullOrWhiteSpace(action.LocalAreaCode) || string.IsNullOrWhiteSpace(action.LocalAreaName)) return "lacks a local area";
        if (action.Agencies is null || action.Agencies.Count == 0) return "names no agency";
        if (action.Agencies.FirstOrDefault(a => !Agencies.All.Contains(a)) is { } unknown) return $"names an unknown agency '{unknown}'";
        if (string.IsNullOrWhiteSpace(action.Text)) return "has no text";
        if (action.Inspectorates is { } named && (named.Count == 0 || named.Any(i => !Inspectorates.All.Contains(i))))
            return "names no inspectorate taking part, or an unknown one";
        if (action.Text.Length > 4000 || action.LocalAreaCode.Length > 20 || action.LocalAreaName.Length > 200)
            return "has a text, area code or area name longer than this service stores";
        return null;
    }
}
