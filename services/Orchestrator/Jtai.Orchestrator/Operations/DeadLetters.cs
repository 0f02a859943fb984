using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using RabbitMQ.Client;

namespace Jtai.Orchestrator.Operations;

public sealed record DeadLetterQueueView(string Queue, string SourceQueue, string Service, long Messages);

public sealed record ReplayResult(string Queue, string SourceQueue, int Replayed, IReadOnlyList<ReplayRecordView> Records);

/// <summary>
/// MassTransit's _error queues, visible and replayable by operators. A replay moves each message
/// back to its source queue: published with confirms first, recorded (who, when, which message,
/// what had failed), then acknowledged from the error queue, so a crash in between duplicates (the
/// inbox absorbs it) but never loses a message or a replay unrecorded.
/// </summary>
public sealed class DeadLetters(IHttpClientFactory http, IConfiguration configuration, OrchestratorDbContext db)
{
    // A replay is an infrastructure event, compared with the message log's real-time stamps: real time, not the business clock.
    private readonly TimeProvider _realTime = TimeProvider.System;

    public const string HttpClientName = "rabbitmq-management";
    private const string ErrorSuffix = DeadLetterMessage.ErrorSuffix;

    private Uri Amqp => new(configuration.GetConnectionString("RabbitMq")
        ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not configured."));

    private string Vhost => Amqp.AbsolutePath.Trim('/') is { Length: > 0 } v ? Uri.UnescapeDataString(v) : "/";

    public async Task<IReadOnlyList<DeadLetterQueueView>> List(CancellationToken ct)
    {
        using var client = ManagementClient();
        var queues = await client.GetFromJsonAsync<JsonElement>($"api/queues/{Uri.EscapeDataString(Vhost)}?columns=name,messages", ct);
        return queues.EnumerateArray()
            .Select(q => (Name: q.GetProperty("name").GetString()!, Messages: q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0))
            .Where(q => q.Name.EndsWith(ErrorSuffix, StringComparison.Ordinal))
            .Select(q => new DeadLetterQueueView(q.Name, q.Name[..^ErrorSuffix.Length], DeadLetterMessage.ServiceOf(q.Name), q.Messages))
            .OrderBy(q => q.Queue)
            .ToList();
    }

    /// <summary>
    /// The messages in one error queue, read through the management API and put back at once
    /// (nobody consumes an error queue, so only their redelivered flag changes).
    /// </summary>
    public async Task<IReadOnlyList<DeadLetterMessage>> Messages(string errorQueue, int limit, CancellationToken ct)
    {
        EnsureErrorQueue(errorQueue);
        using var client = ManagementClient();
        var response = await client.PostAsJsonAsync($"api/queues/{Uri.EscapeDataString(Vhost)}/{Uri.EscapeDataString(errorQueue)}/get",
            new { count = limit, ackmode = "ack_requeue_true", encoding = "auto", truncate = 1_000_000 }, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            throw new DomainRuleException("unknown-queue", $"There is no queue '{errorQueue}'.", 404);
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return messages.EnumerateArray().Select(m =>
        {
            var properties = m.GetProperty("properties");
            var headers = properties.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object
                ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())
                : new Dictionary<string, string>();
            var messageId = properties.TryGetProperty("message_id", out var id) ? id.GetString() : null;
            var payload = m.GetProperty("payload").GetString() ?? "";
            var body = m.TryGetProperty("payload_encoding", out var encoding) && encoding.GetString() == "base64"
                ? Convert.FromBase64String(payload) : Encoding.UTF8.GetBytes(payload);
            return DeadLetterMessage.From(errorQueue, headers, messageId, body);
        }).ToList();
    }

    /// <summary>
    /// Moves one message (by id) or up to <paramref name="max"/> messages back to the source queue,
    /// recording each. Messages passed over while looking for one id go back where they were.
    /// </summary>
    public async Task<ReplayResult> Replay(string errorQueue, Guid? messageId, int max, ClaimsPrincipal user, CancellationToken ct)
    {
        EnsureErrorQueue(errorQueue);
        var source = errorQueue[..^ErrorSuffix.Length];

        var factory = new ConnectionFactory { Uri = Amqp };
        await using var connection = await factory.CreateConnectionAsync("jtai-orchestrator-replay", ct);
        if (!await QueueExists(connection, errorQueue, ct))
            throw new DomainRuleException("unknown-queue", $"There is no queue '{errorQueue}'.", 404);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);

        var records = new List<DeadLetterReplay>();
        var passedOver = new List<ulong>();
        await using var readChannel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            while (records.Count < max && await readChannel.BasicGetAsync(errorQueue, autoAck: false, ct) is { } message)
            {
                var dead = DeadLetterMessage.From(errorQueue, DeadLetterMessage.Headers(message.BasicProperties.Headers),
                    message.BasicProperties.MessageId, message.Body.Span);
                if (messageId is not null && dead.MessageId != messageId)
                {
                    passedOver.Add(message.DeliveryTag);
                    continue;
                }

                // Stamped before publishing: a fast consumer's receipt then always falls after the replay.
                var at = _realTime.GetUtcNow();
                await channel.BasicPublishAsync(exchange: "", routingKey: source, mandatory: true,
                    basicProperties: ReplayProperties(message.BasicProperties, dead), body: message.Body, cancellationToken: ct);
                records.Add(await Record(user, dead, "replayed", at, ct));
                await readChannel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
                if (messageId is not null) break;
            }
        }
        finally
        {
            foreach (var tag in passedOver) await readChannel.BasicNackAsync(tag, multiple: false, requeue: true, CancellationToken.None);
        }

        if (messageId is not null && records.Count == 0)
        {
            await Record(user, new DeadLetterMessage(errorQueue, source, DeadLetterMessage.ServiceOf(errorQueue), messageId,
                null, null, null, null, null, null, null, null, null, 0, 0), "not-found", _realTime.GetUtcNow(), ct);
            throw new DomainRuleException("dead-letter-not-found", $"Message {messageId} is not in '{errorQueue}' (already replayed, or never there).", 404);
        }
        return new ReplayResult(errorQueue, source, records.Count, records.Select(r => ReplayRecordView.From(r, null)).ToList());
    }

    private static BasicProperties ReplayProperties(IReadOnlyBasicProperties original, DeadLetterMessage dead)
    {
        var properties = new BasicProperties(original);
        properties.Headers ??= new Dictionary<string, object?>();
        // Fault headers describe the last failure, not the message: drop them so a new failure is reported afresh.
        foreach (var key in properties.Headers.Keys.Where(k => k.StartsWith("MT-Fault-", StringComparison.Ordinal) || k == "MT-Reason").ToList())
            properties.Headers.Remove(key);
        if (dead.FirstFailedAt is { } first)
            properties.Headers[DeadLetterMessage.FirstFailedHeader] = first.ToString("O", CultureInfo.InvariantCulture);
        properties.Headers[DeadLetterMessage.ReplaysHeader] = (dead.Replays + 1).ToString(CultureInfo.InvariantCulture);
        return properties;
    }

    private async Task<DeadLetterReplay> Record(ClaimsPrincipal user, DeadLetterMessage dead, string outcome, DateTimeOffset at, CancellationToken ct)
    {
        var reason = dead.ExceptionType is null ? dead.Reason : $"{dead.ExceptionType}: {dead.Reason}";
        var record = new DeadLetterReplay
        {
            Id = Guid.NewGuid(),
            ReplayedAt = at,
            ReplayedBy = user.Id(),
            ReplayedByName = user.DisplayName(),
            ErrorQueue = dead.Queue,
            SourceQueue = dead.SourceQueue,
            MessageId = dead.MessageId,
            MessageType = dead.MessageType,
            InspectionId = dead.InspectionId,
            TraceId = dead.TraceId,
            FaultReason = reason is { Length: > 2000 } ? reason[..2000] : reason,
            FirstFailedAt = dead.FirstFailedAt,
            LastFailedAt = dead.LastFailedAt,
            Outcome = outcome,
        };
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    private static void EnsureErrorQueue(string queue)
    {
        if (!queue.EndsWith(ErrorSuffix, StringComparison.Ordinal))
            throw new DomainRuleException("only-error-queues", $"'{queue}' is not an error queue (they end in {ErrorSuffix}).", 400);
    }

    /// <summary>
    /// Asks on a channel of its own: the broker closes a channel whose passive declare names no queue,
    /// and closing it again must not turn the caller's unknown queue into a 500.
    /// </summary>
    private static async Task<bool> QueueExists(IConnection connection, string queue, CancellationToken ct)
    {
        var probe = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, ct);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
        finally
        {
            try { await probe.DisposeAsync(); }
            catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException) { }
        }
    }

    private HttpClient ManagementClient()
    {
        var management = new Uri(configuration["RabbitMqManagement:Url"] ?? "http://guest:guest@127.0.0.1:15672");
        var client = http.CreateClient(HttpClientName);
        client.BaseAddress = new UriBuilder(management) { UserName = "", Password = "" }.Uri;
        var user = Uri.UnescapeDataString(management.UserInfo);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        return client;
    }
}
