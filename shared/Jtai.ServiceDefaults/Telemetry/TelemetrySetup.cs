using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Jtai.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry in every process, with the sources that make one request one trace across the
/// gateway, the services and the bus. Exports over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The platform's own spans (outbox relay, deadline poller) use this source.</summary>
    public const string JtaiSource = "Jtai";

    /// <summary>The platform's own meters (Jtai.Messaging, Jtai.Retention, Jtai.InformationExchange, Jtai.Operations).</summary>
    public const string JtaiMeters = "Jtai.*";

    public static readonly string[] TraceSources =
    [
        JtaiSource,
        "MassTransit",          // no spans at all for the bus without it
        "Yarp.ReverseProxy",
        "Npgsql",
        "Grpc.Net.Client",
    ];

    /// <summary>
    /// Whether spans are recorded (default: when OTEL_EXPORTER_OTLP_ENDPOINT is set). Without it every
    /// span is still made, so trace ids reach log lines, inbox and outbox rows and the next service's
    /// traceparent, but none is filled in (tags, timings, processors): nobody would read it, and on the
    /// gateway that recording was a measurable share of each proxied request's cost. A process that
    /// exports spans some other way (the test fixtures' in-memory exporter) sets it to true.
    /// </summary>
    public const string RecordSpansSetting = "Telemetry:RecordSpans";

    public static IHostApplicationBuilder AddJtaiTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        // Every log line carries the trace and span ids (and the correlation id scope), as JSON.
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t
                .SetSampler(builder.Configuration.GetValue(RecordSpansSetting, exporting)
                    ? new ParentBasedSampler(new QuietBackgroundSampler())
                    : new AlwaysOffSampler())
                .AddSource(TraceSources)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(JtaiMeters));

        if (exporting)
        {
            otel.WithTracing(t => t.AddOtlpExporter())
                .WithMetrics(m => m.AddOtlpExporter())
                .WithLogging(l => l.AddOtlpExporter());
        }
        return builder;
    }

    /// <summary>
    /// Drops traces that background loops start on their own (the outbox relay's and deadline
    /// poller's polling queries, the gateway's health probes): they would bury real requests.
    /// Their children follow (parent-based); a relay publish restores its request's trace instead.
    /// </summary>
    private sealed class QuietBackgroundSampler : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
            parameters.Name is "postgresql" or "proxy.cluster_health_checks" or "proxy.destination_health_check"
                ? new SamplingResult(SamplingDecision.Drop)
                : new SamplingResult(SamplingDecision.RecordAndSample);
    }
}
