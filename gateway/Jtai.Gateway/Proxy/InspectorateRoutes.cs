using System.Globalization;
using Jtai.Calendar.Registry;
using Jtai.ServiceDefaults;
using Jtai.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration.Memory;

namespace Jtai.Gateway.Proxy;

/// <summary>
/// Every inspectorate of the registry (shared/inspectorates.json) gets the same routes and cluster: its staff's
/// /api/{key}/** (policy "{key}-staff"), the partner agencies' GET /api/{key}/partner/follow-ups, the public
/// /openapi/{key}/partner.json, and a cluster with the active and passive health checks, balanced across its instances. They are written here once, as the
/// lowest layer of configuration: appsettings, Routes/*.json and the environment (ReverseProxy__Clusters__{key}__…)
/// still override any of it. The destination is Services:{key}:Http (the registry's local port unless run.sh,
/// docker-compose or the test platform say otherwise; none when that is empty).
/// </summary>
public static class InspectorateRoutes
{
    private const long BodyLimit = 1_048_576;

    public static WebApplicationBuilder AddInspectorateRoutes(this WebApplicationBuilder builder)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var inspectorate in InspectorateRegistry.Current.Inspectorates)
        {
            var key = inspectorate.Key;
            Route(settings, key, key, JtaiPolicies.StaffOf(key), $"/api/{key}/{{**rest}}", order: null, get: false, BodyLimit);
            Route(settings, $"{key}-partner-follow-ups", key, JtaiPolicies.PartnerAgency, $"/api/{key}/partner/follow-ups", order: -1, get: true, BodyLimit);
            Route(settings, $"{key}-partner-openapi", key, "public-read", $"/openapi/{key}/partner.json", order: -1, get: true, bodyLimit: null);
            settings[$"ReverseProxy:Routes:{key}-partner-openapi:Transforms:0:PathSet"] = "/openapi/partner.json";

            var cluster = $"ReverseProxy:Clusters:{key}";
            settings[$"{cluster}:HealthCheck:Active:Enabled"] = "true";
            settings[$"{cluster}:HealthCheck:Active:Interval"] = "00:00:10";
            settings[$"{cluster}:HealthCheck:Active:Timeout"] = "00:00:05";
            settings[$"{cluster}:HealthCheck:Active:Policy"] = "ConsecutiveFailures";
            settings[$"{cluster}:HealthCheck:Active:Path"] = "/health/ready";
            settings[$"{cluster}:HealthCheck:Passive:Enabled"] = "true";
            settings[$"{cluster}:HealthCheck:Passive:Policy"] = "TransportFailureRate";
            settings[$"{cluster}:HealthCheck:Passive:ReactivationPeriod"] = "00:00:10";
            // Two instances (infra/run.sh JTAI_REPLICAS=2, Kubernetes replicas) share the load; a replica the checks took out gets none.
            settings[$"{cluster}:LoadBalancingPolicy"] = "PowerOfTwoChoices";
            if (builder.Configuration.ServiceAddress(key, "Http") is { } address) settings[$"{cluster}:Destinations:primary:Address"] = address;
        }
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource { InitialData = settings });
        return builder;
    }

    private static void Route(Dictionary<string, string?> settings, string name, string cluster, string policy, string path, int? order, bool get, long? bodyLimit)
    {
        var route = $"ReverseProxy:Routes:{name}";
        settings[$"{route}:ClusterId"] = cluster;
        settings[$"{route}:AuthorizationPolicy"] = policy;
        settings[$"{route}:RateLimiterPolicy"] = ProxySetup.PerCaller;
        settings[$"{route}:Match:Path"] = path;
        if (order is { } o) settings[$"{route}:Order"] = o.ToString(CultureInfo.InvariantCulture);
        if (get) settings[$"{route}:Match:Methods:0"] = "GET";
        if (bodyLimit is { } limit) settings[$"{route}:MaxRequestBodySize"] = limit.ToString(CultureInfo.InvariantCulture);
    }
}
