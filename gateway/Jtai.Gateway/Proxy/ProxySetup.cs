using System.Security.Claims;
using System.Threading.RateLimiting;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Yarp.ReverseProxy.Model;

namespace Jtai.Gateway.Proxy;

public sealed class GatewayRateLimitOptions
{
    /// <summary>Requests a caller may burst.</summary>
    public int TokenLimit { get; set; } = 100;
    /// <summary>Requests a caller regains per second.</summary>
    public int TokensPerSecond { get; set; } = 50;
}

public static class ProxySetup
{
    /// <summary>The policy routes name in "RateLimiterPolicy": a token bucket per caller (subject, else IP).</summary>
    public const string PerCaller = "per-caller";

    public static WebApplicationBuilder AddGatewayProxy(this WebApplicationBuilder builder)
    {
        // Routes, clusters, per-route authorization and rate-limit policies, body limits and
        // active health checks all come from "ReverseProxy" configuration.
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

        var limits = builder.Configuration.GetSection("Gateway:RateLimit").Get<GatewayRateLimitOptions>() ?? new GatewayRateLimitOptions();
        // One options object and factory for every caller's bucket: the policy runs on every proxied request.
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.TokenLimit,
            TokensPerPeriod = limits.TokensPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        Func<string, TokenBucketRateLimiterOptions> options = _ => bucket;
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(PerCaller, http => RateLimitPartition.GetTokenBucketLimiter(CallerKey(http.User, http), options));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests.", Detail = "Slow down and retry after the time in Retry-After." },
                });
            };
        });
        return builder;
    }

    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.UseRateLimiter();
        // With several instances of a service (replicas): pick the less busy of two healthy ones, and
        // take an instance out of rotation as soon as connections to it fail (passive), before the next
        // active /health/ready probe does.
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(RefuseOversizedBody);
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }

    private static string CallerKey(ClaimsPrincipal user, HttpContext http) =>
        user.Identity?.IsAuthenticated == true
            ? "sub:" + (user.FindFirst(JtaiClaims.Subject)?.Value ?? "?")
            : "ip:" + http.Connection.RemoteIpAddress;

    /// <summary>
    /// Answers 413 with a problem detail before forwarding when Content-Length exceeds the route's
    /// MaxRequestBodySize; a chunked body over the limit is stopped by Kestrel while streaming.
    /// </summary>
    private static Task RefuseOversizedBody(HttpContext http, Func<Task> next)
    {
        var limit = http.Features.Get<IReverseProxyFeature>()?.Route.Config.MaxRequestBodySize;
        // Not async: a proxied request that is let through waits on the service without this method's state.
        return limit is > 0 && http.Request.ContentLength > limit ? Refuse(http, limit.Value) : next();
    }

    private static async Task Refuse(HttpContext http, long limit)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = 413,
                Title = "The request body is too large.",
                Detail = $"This route accepts at most {limit} bytes; the request declared {http.Request.ContentLength}.",
            },
        });
    }
}
