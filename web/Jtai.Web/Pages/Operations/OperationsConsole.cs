using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Jtai.Web.Gateway;

namespace Jtai.Web.Pages.Operations;

public sealed class OperationsOptions
{
    /// <summary>The telemetry dashboard's address: trace ids link to its trace page.</summary>
    public string DashboardUrl { get; set; } = "http://127.0.0.1:18888";
}

/// <summary>The operations console's words and links: trace links into the dashboard, times to the millisecond.</summary>
public sealed class OperationsConsole(Microsoft.Extensions.Options.IOptions<OperationsOptions> options)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public string TraceUrl(string traceId) => $"{options.Value.DashboardUrl.TrimEnd('/')}/traces/detail/{Uri.EscapeDataString(traceId)}";

    public string DashboardUrl => options.Value.DashboardUrl;

    /// <summary>"14:03:07.215 on 2 March 2027" (London).</summary>
    public static string Precise(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, London);
        return $"{local.ToString("HH:mm:ss.fff", English)} on {local.ToString("d MMMM yyyy", English)}";
    }

    public static string Precise(DateTimeOffset? instant) => instant is { } at ? Precise(at) : "Not known";

    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => $"{span.TotalMilliseconds:0} ms",
        < 120 => $"{span.TotalSeconds:0.#} seconds",
        < 7200 => $"{span.TotalMinutes:0} minutes",
        < 172800 => $"{span.TotalHours:0} hours",
        _ => $"{span.TotalDays:0} days",
    };

    public static string Rule(string rule) => rule switch
    {
        "outbox-oldest-unpublished" => "Oldest unpublished outbox message",
        "error-queue-messages" => "Messages in an error queue",
        "service-not-ready" => "Service not ready",
        _ => Display.Words(rule),
    };

    /// <summary>"Jtai.Contracts.Events.InspectionScheduled" → "InspectionScheduled".</summary>
    public static string Type(string? type) => type is null ? "Unknown" : type[(type.LastIndexOf('.') + 1)..];

    public static string Outcome(string outcome) => outcome switch
    {
        "published" => "Published",
        "pending" => "Waiting to publish",
        "retrying" => "Publishing retried",
        "consumed" => "Consumed",
        "retried" => "Failed, retried",
        "failed" => "Failed, sent to error queue",
        _ => Display.Words(outcome),
    };

    /// <summary>GOV.UK tag colour for an outcome.</summary>
    public static string Colour(string outcome) => outcome switch
    {
        "published" or "consumed" => "govuk-tag--green",
        "pending" or "retrying" or "retried" => "govuk-tag--yellow",
        "failed" => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };
}

/// <summary>The one change the console makes: a replay, sent with the operator's own token.</summary>
public sealed class ReplayClient(IHttpClientFactory clients)
{
    public sealed record Outcome(bool Replayed, string? Problem);

    public async Task<Outcome> Replay(string queue, Guid messageId, CancellationToken ct)
    {
        // The gateway client's own HttpClient: same address, same user token handler.
        using var http = clients.CreateClient(nameof(GatewayClient));
        using var response = await http.PostAsJsonAsync("/api/orchestrator/operations/dead-letters/replay", new { queue, messageId }, GatewayClient.Json, ct);
        if (response.IsSuccessStatusCode) return new Outcome(true, null);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new GatewayRefusal(response.StatusCode, "/api/orchestrator/operations/dead-letters/replay");
        var problem = await response.Content.ReadFromJsonAsync<ProblemText>(GatewayClient.Json, ct);
        return new Outcome(false, problem?.Detail ?? problem?.Title ?? $"The platform answered {(int)response.StatusCode}.");
    }

    private sealed record ProblemText(string? Title, string? Detail);
}

public static class OperationsConsoleSetup
{
    public static WebApplicationBuilder AddOperationsConsole(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OperationsOptions>(builder.Configuration.GetSection("Operations"));
        builder.Services.AddSingleton<OperationsConsole>();
        builder.Services.AddScoped<ReplayClient>();
        return builder;
    }
}
