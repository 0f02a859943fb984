using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Jtai.ServiceDefaults.Problems;

/// <summary>
/// Turns a caller's mistake into an RFC 9457 problem detail that names what was wrong (the JSON
/// path of a malformed field, the rule broken), never a 500. Anything else is a 500 without
/// internals.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is not valid.",
                Detail = WithoutTypeNames(bad.Message),
            },
            _ when DatabaseUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is busy.",
                Detail = "The database could not take the request now; nothing was done. Retry after a moment.",
            },
            DomainRuleException rule => Broken(rule),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            return false;
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// No pooled connection came in time, the server has no slot left, or the connection broke: the
    /// caller did nothing wrong and may retry, so 503 with Retry-After rather than a 500.
    /// </summary>
    private static bool DatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is Npgsql.NpgsqlException { IsTransient: true }) return true;
        return false;
    }

    private static ProblemDetails Broken(DomainRuleException rule)
    {
        var problem = new ProblemDetails
        {
            Status = rule.StatusCode,
            Title = "The request breaks a rule of the inspection process.",
            Detail = rule.Message,
            Extensions = { ["rule"] = rule.Rule },
        };
        foreach (var (name, value) in rule.Facts) problem.Extensions[name] = value;
        return problem;
    }

    private static ProblemDetails MalformedJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var message = Explain(json, field);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [message],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON for this endpoint.",
            Detail = $"Could not read '{field}': {message}",
        };
    }

    /// <summary>
    /// The reader's own words, without the .NET type it was reading into (callers know JSON, not our
    /// classes): "could not be converted to System.DateOnly" becomes "expected a date (yyyy-mm-dd)".
    /// </summary>
    private static string Explain(JsonException json, string field)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        if (ConvertedTo().Match(message) is { Success: true } converted)
            return $"'{field}' does not hold {Expected(converted.Groups[1].Value)}.";
        if (message.StartsWith("must ", StringComparison.Ordinal) || message.StartsWith("contains ", StringComparison.Ordinal))
            return $"'{field}' {message}";
        return WithoutTypeNames(message);
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("DateOnly") => "a date (yyyy-mm-dd)",
        _ when type.Contains("DateTimeOffset") || type.Contains("DateTime") => "a date and time with its offset (yyyy-mm-ddThh:mm:ss+hh:mm)",
        _ when type.Contains("TimeOnly") => "a time of day (hh:mm)",
        _ when type.Contains("Guid") => "an id (a GUID)",
        _ when type.Contains("Boolean") => "true or false",
        _ when type.Contains("Int") || type.Contains("Decimal") || type.Contains("Double") || type.Contains("Single") => "a whole number in range",
        _ when type.Contains("String") => "text",
        _ when type.Contains("List") || type.Contains("[]") || type.Contains("Enumerable") || type.Contains("Collection") => "a list",
        _ => "an object of the expected shape",
    };

    /// <summary>Binding messages name parameters as "DateOnly on": keep the caller's name only, and not too much of what they sent.</summary>
    public static string WithoutTypeNames(string message)
    {
        var text = ParameterWithType().Replace(message, "'$1'");
        text = Namespaced().Replace(text, "value");
        return text.Length > 500 ? text[..500] + "…" : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"converted to ([\w.`\[\], <>]+?)\.?(\s|$)")]
    private static partial System.Text.RegularExpressions.Regex ConvertedTo();

    [System.Text.RegularExpressions.GeneratedRegex("\"[\\w.`<>\\[\\],?]+ (\\w+)\"")]
    private static partial System.Text.RegularExpressions.Regex ParameterWithType();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(System|Microsoft|Jtai|Npgsql)(\.\w+)+(`\d+)?(\[[^\]]*\])?")]
    private static partial System.Text.RegularExpressions.Regex Namespaced();
}
