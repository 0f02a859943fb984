using System.Reflection;
using NetArchTest.Rules;
using Xunit;

namespace Jtai.Architecture.Tests;

/// <summary>
/// Who may depend on whom: each inspectorate runs its own service, so none may reach into another's
/// code (or the orchestrator's); they share only what is in shared/. Services talk over the bus and
/// gRPC, never by referencing each other.
/// </summary>
public sealed class DependencyTests
{
    [Fact]
    public void No_inspectorate_service_depends_on_another_inspectorate_or_the_orchestrator()
    {
        foreach (var (name, assembly) in Assemblies.InspectorateServices)
        {
            var others = Assemblies.Deployables.Keys.Where(k => k != name).ToArray();
            AssertNoneDependOn(Types.InAssembly(assembly), others, $"{name} must not use another service's code");
        }
    }

    [Fact]
    public void The_orchestrator_gateway_and_web_depend_on_no_other_deployable()
    {
        foreach (var name in new[] { "Jtai.Orchestrator", "Jtai.Gateway", "Jtai.Web" })
        {
            var others = Assemblies.Deployables.Keys.Where(k => k != name).ToArray();
            AssertNoneDependOn(Types.InAssembly(Assemblies.Deployables[name]), others, $"{name} must not use another service's code");
        }
    }

    [Fact]
    public void Shared_libraries_depend_on_no_service()
    {
        AssertNoneDependOn(Types.InAssemblies(Assemblies.Shared), Assemblies.Deployables.Keys.ToArray(),
            "shared/ is below every service: it must not know any of them");
    }

    [Fact]
    public void The_web_reaches_the_domain_only_through_the_gateway()
    {
        // The web holds nothing of the domain and decides no access: no messaging, no inspectorate code, no databases.
        AssertNoneDependOn(Types.InAssembly(Assemblies.Web),
            ["Jtai.Messaging", "Jtai.Inspectorate", "Jtai.Notices", "Microsoft.EntityFrameworkCore", "MassTransit"],
            "the web calls the gateway with the signed-in person's token");
    }

    [Fact]
    public void Service_defaults_hold_hosting_concerns_only()
    {
        // Telemetry, health, problems, authentication and the access model's plumbing: nothing of
        // messaging, notices, the inspectorates' shared domain or the message contracts.
        AssertNoneDependOn(Types.InAssembly(Assemblies.ServiceDefaults),
            ["Jtai.Contracts", "Jtai.Messaging", "Jtai.Notices", "Jtai.Inspectorate", "MassTransit", "Microsoft.EntityFrameworkCore"],
            "Jtai.ServiceDefaults is what every process shares to be hosted, not domain code");
    }

    internal static void AssertNoneDependOn(Types types, string[] forbidden, string because)
    {
        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful,
            $"{because}: {string.Join("; ", (result.FailingTypes ?? []).Select(t => $"{t.FullName} ({t.Explanation})"))}");
    }
}
