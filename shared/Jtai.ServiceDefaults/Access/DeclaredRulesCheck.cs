using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Jtai.ServiceDefaults.Access;

/// <summary>
/// Refuses to start a service with an endpoint that declares no access rule, or one that declares
/// it beside other authorization metadata (two places deciding), or an inspection rule on a route
/// that names no inspection. Runs before the server listens (IHostedLifecycleService.StartingAsync).
/// </summary>
public sealed class DeclaredRulesCheck : IHostedLifecycleService
{
    private readonly List<IEndpointRouteBuilder> _apps = [];

    /// <summary>Called by MapServiceDefaults with the application whose endpoints are checked.</summary>
    public void Watch(IEndpointRouteBuilder app) => _apps.Add(app);

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var problems = Problems(_apps.SelectMany(a => a.DataSources).SelectMany(d => d.Endpoints)).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException(
                "Every endpoint declares who may call it (.RequireStanding(Rules.X), see docs/access.md):" + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        return Task.CompletedTask;
    }

    /// <summary>What is wrong with the endpoints' declarations, one line per endpoint.</summary>
    public static IEnumerable<string> Problems(IEnumerable<Endpoint> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            var name = Describe(endpoint);
            var rule = endpoint.DeclaredRule();
            if (rule is null)
            {
                yield return $"{name}: no rule declared";
                continue;
            }
            if (endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0)
                yield return $"{name}: declares rule '{rule.Name}' and also authorization policies/attributes; the rule alone decides";
            if (rule.OnInspection && endpoint is RouteEndpoint route
                && route.RoutePattern.GetParameter(StandingMiddleware.InspectionRouteValue) is null)
                yield return $"{name}: rule '{rule.Name}' is about an inspection but the route names no {{{StandingMiddleware.InspectionRouteValue}}}";
        }
    }

    public static string Describe(Endpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
        var pattern = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint.DisplayName;
        return methods is { Count: > 0 } ? $"{string.Join(',', methods)} {pattern}" : $"{pattern}";
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
