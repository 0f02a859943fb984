using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Jtai.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using RabbitMQ.Client;

namespace Jtai.Orchestrator.Operations;

public sealed record DeadLetterQueueView(string Queue, string SourceQueue, long Messages);

public sealed record ReplayResult(string Queue, string SourceQueue, int Replayed);

/// <summary>
/// MassTransit's _error queues, visible and replayable by operators. A replay moves each message
/// back to its source queue: published with confirms first, acknowledged from the error queue
/// after, so a crash between the two duplicates (the inbox absorbs it) but never loses.
/// </summary>
public sealed class DeadLetters(IHttpClientFactory http, IConfiguration configuration)
{
    public const string HttpClientName = "rabbitmq-management";
    private const string ErrorSuffix = "_error";

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
            .Select(q => new DeadLetterQueueView(q.Name, q.Name[..^ErrorSuffix.Length], q.Messages))
            .OrderBy(q => q.Queue)
            .ToList();
    }

    public async Task<ReplayResult> Replay(string errorQueue, int max, CancellationToken ct)
    {
        if (!errorQueue.EndsWith(ErrorSuffix, StringComparison.Ordinal))
            throw new DomainRuleException("only-error-queues", $"'{errorQueue}' is not an error queue (they end in {ErrorSuffix}).", 400);
        var source = errorQueue[..^ErrorSuffix.Length];

        var factory = new ConnectionFactory { Uri = Amqp };
        await using var connection = await factory.CreateConnectionAsync("jtai-orchestrator-replay", ct);
        if (!await QueueExists(connection, errorQueue, ct))
            throw new DomainRuleException("unknown-queue", $"There is no queue '{errorQueue}'.", 404);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);

        var replayed = 0;
        await using var readChannel = await connection.CreateChannelAsync(cancellationToken: ct);
        while (replayed < max && await readChannel.BasicGetAsync(errorQueue, autoAck: false, ct) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties);
            // Fault headers describe the last failure, not the message: drop them so a new failure is reported afresh.
            if (properties.Headers is not null)
                foreach (var key in properties.Headers.Keys.Where(k => k.StartsWith("MT-Fault-", StringComparison.Ordinal) || k == "MT-Reason").ToList())
                    properties.Headers.Remove(key);
            await channel.BasicPublishAsync(exchange: "", routingKey: source, mandatory: true, basicProperties: properties, body: message.Body, cancellationToken: ct);
            await readChannel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            replayed++;
        }
        return new ReplayResult(errorQueue, source, replayed);
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

public sealed record ReplayRequest(string? Queue, int? Max);

public static class DeadLettersEndpoints
{
    public static async Task<Ok<IReadOnlyList<DeadLetterQueueView>>> List(DeadLetters deadLetters, CancellationToken ct) =>
        TypedResults.Ok(await deadLetters.List(ct));

    public static async Task<Results<Ok<ReplayResult>, ValidationProblem>> Replay(ReplayRequest request, DeadLetters deadLetters, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(request.Queue, "queue");
        if (request.Max is < 1 or > 10_000) errors.Add("max", "'max' must be between 1 and 10000.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());
        return TypedResults.Ok(await deadLetters.Replay(request.Queue!, request.Max ?? 100, ct));
    }
}
