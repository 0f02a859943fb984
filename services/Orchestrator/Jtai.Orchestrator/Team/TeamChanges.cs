using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Orchestrator.Team;

/// <summary>
/// Who changes the team (¶10–12). Ofsted leads the inspection: its lead inspector on the team and its
/// managers place anyone. CQC and HMICFRS managers place their own people only. Nobody takes over
/// another inspectorate's place: a member stays in the inspectorate they were placed for until removed.
/// </summary>
public static class TeamChanges
{
    public static readonly AccessRule Rule = new("team-changes",
        "Ofsted's lead inspector on the team and Ofsted's managers; CQC's and HMICFRS's managers for their own people",
        s => s.OnTeamAs(JtaiRoles.LeadInspector, Inspectorates.Ofsted) || s.IsManager, onInspection: true);

    /// <summary>The part of the rule that depends on the place changed: whose inspectorate it is.</summary>
    public static void EnsureMayPlace(Standing by, string inspectorate, TeamAssignment? current)
    {
        var ofstedLeads = by.OnTeamAs(JtaiRoles.LeadInspector, Inspectorates.Ofsted) || by.IsManagerOf(Inspectorates.Ofsted);
        foreach (var place in new[] { inspectorate, current?.Inspectorate }.OfType<string>().Distinct())
            if (!ofstedLeads && !by.IsManagerOf(place))
                throw new NotPermittedException("own-inspectorate-team",
                    $"Only {place}'s managers, or Ofsted's lead inspector and managers, change {place}'s members of the team.");
        if (current is not null && current.Inspectorate != inspectorate)
            throw new NotPermittedException("inspectorate-place",
                $"{current.UserId} is on the team for {current.Inspectorate}: nobody takes over another inspectorate's place; remove them first.");
    }
}
