using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jtai.ServiceDefaults.Access;

/// <summary>
/// Resolves the caller's standing once per request and applies the endpoint's declared rule before
/// the handler runs; handlers never check access themselves. Refusals look like any other 401, 403
/// or 404 of the platform (problem details written by the status-code pages), so a hidden inspection
/// cannot be told from an absent one. The decision is on the request's span (jtai.access.*).
/// </summary>
public sealed class StandingMiddleware(RequestDelegate next, ILogger<StandingMiddleware> logger)
{
    public const string InspectionRouteValue = "inspectionId";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            await next(context);
            return;
        }
        var rule = endpoint.DeclaredRule();
        if (rule is null)
        {
            // Cannot happen once DeclaredRulesCheck has passed; refuse rather than guess.
            logger.LogError("Endpoint {Endpoint} declares no access rule: refused", endpoint.DisplayName);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var standing = await Resolve(context, rule);
        var decision = rule.Decide(standing);
        var activity = Activity.Current;
        activity?.SetTag("jtai.access.rule", rule.Name);
        activity?.SetTag("jtai.access.decision", decision.ToString());
        activity?.SetTag("jtai.access.caller", standing.ToString());
        switch (decision)
        {
            case AccessDecision.Allowed:
                context.Features.Set(standing);
                await next(context);
                return;
            case AccessDecision.Unauthenticated:
                await context.ChallengeAsync();
                return;
            case AccessDecision.Forbidden:
                logger.LogInformation("Refused {Caller} on {Endpoint}: rule {Rule} ({Says})", standing, endpoint.DisplayName, rule.Name, rule.Says);
                await context.ForbidAsync();
                return;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
    }

    private static async Task<Standing> Resolve(HttpContext context, AccessRule rule)
    {
        var route = context.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value?.ToString(), StringComparer.OrdinalIgnoreCase);
        Guid? inspectionId = route.TryGetValue(InspectionRouteValue, out var raw) && Guid.TryParse(raw, out var id) ? id : null;
        var caller = Standing.Of(context.User, inspectionId, null, route);
        if (!rule.OnInspection || inspectionId is null || caller.Kind == CallerKind.None) return caller;
        var source = context.RequestServices.GetRequiredService<IInspectionFactsSource>();
        var facts = await source.Find(inspectionId.Value, caller.IsStaff ? caller.Subject : null, context.RequestAborted);
        return Standing.Of(context.User, inspectionId, facts, route);
    }
}
