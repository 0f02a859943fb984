using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Jtai.Benchmarks.Baselines;

/// <summary>
/// YARP with nothing around it (no authentication, limits or telemetry), forwarding the gateway's
/// orchestrator route to one destination: what the gateway would cost if it only proxied. Otherwise
/// as the gateway runs: the same route pattern, YARP's default forwarding client, JSON console logs at
/// the benchmark's Warning level, and (set by run.sh) Server GC.
/// </summary>
public static class BareYarp
{
    public static async Task Run(int port, string destination)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The output folder holds the services' appsettings (with their Kestrel ports): read none of it.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "/api/orchestrator/{**rest}" } }],
            [new ClusterConfig { ClusterId = "backend", Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = destination } } }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await app.RunAsync();
    }
}
