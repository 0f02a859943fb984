using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.SetUp;

/// <summary>When the set-up, the timetable and the schools HMI's sample may be recorded: from notification (¶16–20), never for a cancelled inspection.</summary>
public static class SetUpStage
{
    /// <summary>
    /// The partners took part in the set-up discussion (¶20), answer through the link person (¶21) and are kept aware of the
    /// timetable (¶32): they read what was agreed and planned, with the team and the named managers.
    /// </summary>
    public static readonly AccessRule Readers = Rules.TeamOrNamedManagers.Or(Rules.PartnersOfArea, "team-named-managers-or-partners-of-area");

    public static async Task EnsureSetUpOpen(OrchestratorDbContext db, Guid inspectionId, CancellationToken ct)
    {
        var status = await db.Inspections.Where(i => i.Id == inspectionId).Select(i => i.Status).SingleAsync(ct);
        if (status is Lifecycle.Stages.Scheduled or Lifecycle.Stages.Cancelled)
            throw new DomainRuleException("set-up-stage", $"An inspection that is '{status}' is not being set up: the set-up follows notification (¶16–20).");
    }

    public static List<string> Agencies(List<string?>? values, string field, RequestErrors errors)
    {
        var list = new List<string>();
        if (values is not { Count: > 0 }) { errors.Add(field, $"'{field}' must name at least one agency concerned."); return list; }
        for (var i = 0; i < values.Count; i++)
            if (errors.OneOf(values[i], Jtai.ServiceDefaults.Security.Agencies.All, $"{field}[{i}]") && !list.Contains(values[i]!)) list.Add(values[i]!);
        return list;
    }
}
