using System.Reflection;
using Jtai.Calendar.Registry;

namespace Jtai.Architecture.Tests;

/// <summary>The platform's assemblies, each named by what it is in the architecture.</summary>
internal static class Assemblies
{
    public static readonly Assembly Contracts = typeof(Jtai.Contracts.Events.InspectionScheduled).Assembly;
    public static readonly Assembly ServiceDefaults = typeof(Jtai.ServiceDefaults.Problems.RequestErrors).Assembly;
    public static readonly Assembly Messaging = typeof(Jtai.Messaging.Inbox.InboxConsumer<>).Assembly;
    public static readonly Assembly Calendar = typeof(Jtai.Calendar.WorkingDays.WorkingDayCalendar).Assembly;
    public static readonly Assembly Notices = typeof(Jtai.Notices.Notice).Assembly;
    public static readonly Assembly Inspectorate = typeof(Jtai.Inspectorate.Data.InspectorateDbContext).Assembly;

    public static readonly Assembly Orchestrator = typeof(Jtai.Orchestrator.OrchestratorService).Assembly;
    public static readonly Assembly Gateway = typeof(Jtai.Gateway.GatewayService).Assembly;
    public static readonly Assembly Web = typeof(Jtai.Web.WebService).Assembly;

    /// <summary>Each inspectorate of the registry (shared/inspectorates.json) runs its own service; what they share is in shared/.</summary>
    public static readonly IReadOnlyDictionary<string, Assembly> InspectorateServices =
        InspectorateRegistry.Current.Inspectorates.ToDictionary(i => i.Assembly, i => Assembly.Load(i.Assembly));

    public static readonly IReadOnlyDictionary<string, Assembly> Deployables = new Dictionary<string, Assembly>(InspectorateServices)
    {
        ["Jtai.Orchestrator"] = Orchestrator,
        ["Jtai.Gateway"] = Gateway,
        ["Jtai.Web"] = Web,
    };

    public static readonly IReadOnlyList<Assembly> Shared = [Contracts, ServiceDefaults, Messaging, Calendar, Notices, Inspectorate];

    /// <summary>Every assembly that hosts or shares domain code: where consumers and endpoints live.</summary>
    public static readonly IReadOnlyList<Assembly> WithDomainCode = [Messaging, Notices, Inspectorate, Orchestrator, .. InspectorateServices.Values];
}
