using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Jtai.Orchestrator.Operations;

/// <summary>
/// A message waiting in an _error queue, read from MassTransit's envelope and fault headers: why it
/// failed (the last failure's exception), when it first and last went to the error queue, how often
/// it was retried and replayed, and the trace to open in the dashboard.
/// </summary>
public sealed record DeadLetterMessage(
    string Queue, string SourceQueue, string Service, Guid? MessageId, string? MessageType, Guid? InspectionId, string? TraceId,
    string? Reason, string? ExceptionType, string? Consumer, DateTimeOffset? SentAt, DateTimeOffset? FirstFailedAt,
    DateTimeOffset? LastFailedAt, int Retries, int Replays)
{
    /// <summary>Set by a replay: when the message first failed, so a message that fails again keeps its history.</summary>
    public const string FirstFailedHeader = "Jtai-First-Failed-At";
    /// <summary>Set by a replay: how many times operators have replayed it.</summary>
    public const string ReplaysHeader = "Jtai-Replays";
    public const string ErrorSuffix = "_error";

    public static DeadLetterMessage From(string queue, IReadOnlyDictionary<string, string> headers, string? messageIdProperty, ReadOnlySpan<byte> body)
    {
        Guid? messageId = Guid.TryParse(messageIdProperty, out var fromProperty) ? fromProperty : null;
        string? messageType = null;
        Guid? inspectionId = null;
        DateTimeOffset? sentAt = null;
        try
        {
            using var envelope = JsonDocument.Parse(body.ToArray());
            var root = envelope.RootElement;
            if (messageId is null && root.TryGetProperty("messageId", out var id) && Guid.TryParse(id.GetString(), out var fromBody)) messageId = fromBody;
            if (root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0)
                messageType = types[0].GetString()?.Split(':').Last();
            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("inspectionId", out var inspection) && Guid.TryParse(inspection.GetString(), out var parsed))
                inspectionId = parsed;
            if (root.TryGetProperty("sentTime", out var sent) && sent.TryGetDateTimeOffset(out var at)) sentAt = at;
        }
        catch (JsonException)
        {
            // Not a MassTransit envelope: shown with what the headers say.
        }

        var lastFailed = Time(headers, "MT-Fault-Timestamp");
        var source = queue.EndsWith(ErrorSuffix, StringComparison.Ordinal) ? queue[..^ErrorSuffix.Length] : queue;
        return new DeadLetterMessage(queue, source, ServiceOf(queue), messageId, messageType, inspectionId,
            TraceIdOf(headers.GetValueOrDefault("traceparent")),
            headers.GetValueOrDefault("MT-Fault-Message"), headers.GetValueOrDefault("MT-Fault-ExceptionType"),
            headers.GetValueOrDefault("MT-Fault-ConsumerType"), sentAt,
            Time(headers, FirstFailedHeader) ?? lastFailed, lastFailed,
            int.TryParse(headers.GetValueOrDefault("MT-Fault-RetryCount"), out var retries) ? retries : 0,
            int.TryParse(headers.GetValueOrDefault(ReplaysHeader), out var replays) ? replays : 0);
    }

    /// <summary>Queues are named "{service}-{message}" (MessagingSetup): the owner is the first word.</summary>
    public static string ServiceOf(string queue) => queue.Split('-', 2)[0];

    /// <summary>AMQP header values arrive as bytes (strings), numbers or timestamps.</summary>
    public static IReadOnlyDictionary<string, string> Headers(IDictionary<string, object?>? headers) =>
        headers is null
            ? new Dictionary<string, string>()
            : headers.Where(h => h.Value is not null).ToDictionary(h => h.Key, h => h.Value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other!.ToString() ?? "",
            });

    /// <summary>To the microsecond, as PostgreSQL keeps it: the queue's view and the replay record then agree.</summary>
    private static DateTimeOffset? Time(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.TryGetValue(name, out var value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero) : null;

    // traceparent is "00-{trace id}-{span id}-{flags}".
    private static string? TraceIdOf(string? traceParent) =>
        traceParent is { Length: >= 35 } ? traceParent.Substring(3, 32) : null;
}
