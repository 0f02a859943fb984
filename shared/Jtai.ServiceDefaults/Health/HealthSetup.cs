using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Jtai.ServiceDefaults.Access;

namespace Jtai.ServiceDefaults.Health;

/// <summary>
/// /health/live says the process runs; /health/ready runs every check tagged "ready" (the
/// service's database, the bus). A broker outage reports Degraded, not Unhealthy: the outbox
/// keeps accepting work while the broker is away, so the service should keep taking traffic.
/// </summary>
public static class HealthSetup
{
    public const string Live = "live";
    public const string Ready = "ready";

    public static IServiceCollection AddJtaiHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: [Live]);
        return services;
    }

    public static IEndpointRouteBuilder MapJtaiHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Live),
            ResponseWriter = WriteJson,
        }).RequireStanding(Rules.Public);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteJson,
        }).RequireStanding(Rules.Public);
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = e.Value.Duration.TotalMilliseconds,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
