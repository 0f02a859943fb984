using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jtai.ServiceDefaults.Limits;

/// <summary>How many writes a service works on at once, and how many may wait for a turn.</summary>
public sealed class WriteLimitOptions
{
    /// <summary>Writes (POST, PUT, PATCH, DELETE) in progress at once: well under the database pool, which consumers and reads share.</summary>
    public int Concurrent { get; set; } = 8;
    /// <summary>Writes that may wait for a turn; one more is shed at once with 503 and Retry-After.</summary>
    public int Queued { get; set; } = 64;
    /// <summary>Seconds a shed caller is asked to wait before trying again.</summary>
    public int RetryAfterSeconds { get; set; } = 1;
}

/// <summary>
/// Sheds writes the service cannot take instead of letting them pile onto the database: past the
/// limit and its short queue a write is answered at once with a 503 problem and Retry-After, so
/// under overload the service keeps its throughput and its callers know when to come back, where
/// unbounded concurrency would exhaust the connection pool and turn everyone's requests into 500s.
/// Reads are not held back: they are cheap and each still waits for a pooled connection.
/// </summary>
public static class WriteLimit
{
    public static IServiceCollection AddWriteLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Limits:Writes").Get<WriteLimitOptions>() ?? new WriteLimitOptions();
        services.AddSingleton(options);
        services.AddSingleton<IStartupFilter, WriteLimitStartup>();
        return services;
    }

    private sealed class WriteLimitStartup(WriteLimitOptions options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = Math.Max(1, options.Concurrent),
                QueueLimit = Math.Max(0, options.Queued),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            app.Use(async (http, nextStep) =>
            {
                if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
                {
                    await nextStep(http);
                    return;
                }
                using var lease = await limiter.AcquireAsync(1, http.RequestAborted);
                if (lease.IsAcquired)
                {
                    await nextStep(http);
                    return;
                }
                await Shed(http, options.RetryAfterSeconds);
            });
            next(app);
        };
    }

    /// <summary>503 with Retry-After and a problem detail: the service is busy, the request was not started.</summary>
    public static async Task Shed(HttpContext http, int retryAfterSeconds)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is busy.",
                Detail = $"Too many changes are in progress; nothing was done. Retry after {retryAfterSeconds} s.",
            },
        });
    }
}
