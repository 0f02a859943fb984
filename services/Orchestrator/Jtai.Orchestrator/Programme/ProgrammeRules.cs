using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Orchestrator.Programme;

/// <summary>Who runs the programme. Partners and operations never see it: it names the areas to be inspected.</summary>
public static class ProgrammeRules
{
    /// <summary>Inspections under section 20 are arranged and led by Ofsted (consultation ¶6): its managers propose and plan the programme.</summary>
    public static readonly AccessRule OfstedManagers = new("ofsted-managers", "Ofsted's managers", s => s.IsManagerOf(Inspectorates.Ofsted));

    /// <summary>The inspectorates agree the programme (programme note ¶4): a manager records their own inspectorate's agreement.</summary>
    public static readonly AccessRule Managers = new("inspectorate-managers", "the inspectorates' managers", s => s.IsManager);

    /// <summary>Each inspectorate offers its own people for fieldwork.</summary>
    public static readonly AccessRule ManagersOfNamedInspectorate = new("managers-of-named-inspectorate",
        "the managers of the inspectorate named in the path", s => s.RouteValue("inspectorate") is { } named && s.IsManagerOf(named));
}
