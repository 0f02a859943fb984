using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jtai.ServiceDefaults.Telemetry;

/// <summary>
/// Carries X-Correlation-Id from the gateway through every service: taken from the request (or
/// made at the edge), echoed on the response, put in every log line's scope and on the span.
/// Messages carry the W3C trace context instead (MassTransit propagates it).
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        var correlationId = IsAcceptable(incoming) ? incoming : Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        context.Request.Headers[Header] = correlationId;
        var scope = new CorrelationScope(context, correlationId);
        // Set last: behind the gateway a proxied response already carries the service's copy.
        context.Response.OnStarting(static scope => ((CorrelationScope)scope).Echo(), scope);
        Activity.Current?.SetTag("jtai.correlation_id", correlationId);
        using (logger.BeginScope(scope))
        {
            await next(context);
        }
    }

    // A caller's id is kept only when it is short and plain, so it cannot inject into logs.
    private static bool IsAcceptable(string value)
    {
        if (value.Length is 0 or > 64) return false;
        foreach (var c in value)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')) return false;
        return true;
    }

    /// <summary>
    /// The log scope's one property, without a dictionary per request (log formatters read it as key/value pairs);
    /// also what echoes the id on the response, so that a request allocates one object for both.
    /// </summary>
    private sealed class CorrelationScope(HttpContext context, string correlationId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public Task Echo()
        {
            context.Response.Headers[Header] = correlationId;
            return Task.CompletedTask;
        }

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("CorrelationId", correlationId) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => 1;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() { yield return this[0]; }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"CorrelationId:{correlationId}";
    }
}
