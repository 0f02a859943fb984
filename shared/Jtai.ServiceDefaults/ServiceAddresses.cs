using System.Globalization;
using Jtai.Calendar.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Jtai.ServiceDefaults;

/// <summary>
/// Where the other processes answer: Services:{name}:Http and Services:{name}:Grpc. Every inspectorate of the registry
/// has its local address from the registry's port (gRPC the next one) as the lowest layer of configuration; settings
/// and the environment override it (run.sh, docker-compose, the test platform). An empty address means the process
/// does not run here: nothing is asked of it.
/// </summary>
public static class ServiceAddresses
{
    public static IConfigurationBuilder AddRegistryAddresses(this IConfigurationBuilder configuration)
    {
        var defaults = new Dictionary<string, string?>();
        foreach (var inspectorate in InspectorateRegistry.Current.Inspectorates)
        {
            defaults[$"Services:{inspectorate.Key}:Http"] = $"http://127.0.0.1:{inspectorate.Port.ToString(CultureInfo.InvariantCulture)}";
            defaults[$"Services:{inspectorate.Key}:Grpc"] = $"http://127.0.0.1:{(inspectorate.Port + 1).ToString(CultureInfo.InvariantCulture)}";
        }
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return configuration;
    }

    /// <summary>The process's address of that kind (Http or Grpc), or null when it is not configured or configured empty.</summary>
    public static string? ServiceAddress(this IConfiguration configuration, string service, string kind) =>
        configuration[$"Services:{service}:{kind}"] is { Length: > 0 } address && !string.IsNullOrWhiteSpace(address) ? address : null;
}
