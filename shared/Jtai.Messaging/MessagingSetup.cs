using Jtai.Messaging.Deadlines;
using Jtai.Messaging.Flow;
using Jtai.Messaging.Faults;
using Jtai.Messaging.Idempotency;
using Jtai.Messaging.Monitoring;
using Jtai.Messaging.Outbox;
using Jtai.Messaging.Parking;
using Jtai.Messaging.Retention;
using Jtai.ServiceDefaults.Health;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Messaging;

public sealed class RetryOptions
{
    public static readonly TimeSpan[] DefaultIntervals = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    /// <summary>
    /// Redelivery intervals in the consumer before a message goes to its _error queue. Empty here
    /// because configuration binding appends to an array: the defaults apply when none is configured.
    /// </summary>
    public TimeSpan[] Intervals { get; set; } = [];

    /// <summary>
    /// A passing failure (database or broker away, no connection slot) is retried with a growing
    /// wait up to <see cref="TransientMaxInterval"/>, this many times: about a quarter of an hour with
    /// the defaults, under RabbitMQ's 30-minute consumer timeout, which would hand the message back.
    /// </summary>
    public int TransientLimit { get; set; } = 40;
    public TimeSpan TransientMinInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan TransientMaxInterval { get; set; } = TimeSpan.FromSeconds(30);
}

public static class MessagingSetup
{
    /// <summary>
    /// MassTransit on RabbitMQ (ConnectionStrings:RabbitMq, an amqp:// URI), queues named
    /// "{service}-{message}", retries then _error queues, the outbox and its relay, deadline rows
    /// and their poller, the bus in /health/ready, the messaging metrics and the message log's
    /// retention. Call after AddJtaiData.
    /// </summary>
    public static WebApplicationBuilder AddJtaiMessaging(
        this WebApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var rabbit = configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not configured (amqp://user:password@host:5672/vhost).");
        var retry = configuration.GetSection("Messaging:Retry").Get<RetryOptions>() ?? new RetryOptions();
        var retryIntervals = retry.Intervals.Length > 0 ? retry.Intervals : RetryOptions.DefaultIntervals;
        var queues = configuration.GetSection("Messaging:Queues").Get<QueueOptions>() ?? new QueueOptions();
        var clusterNodes = configuration.GetSection("Messaging:Broker:ClusterNodes").Get<string[]>() ?? [];
        var consumerSlots = configuration.GetValue<int?>("Messaging:ConcurrentConsumers")
            ?? Math.Max(2, configuration.GetValue("Database:MaxPoolSize", 20) / 2);

        services.AddSingleton(new ServiceIdentity(serviceName));
        services.Configure<OutboxOptions>(configuration.GetSection("Messaging:Outbox"));
        services.Configure<DeadlineOptions>(configuration.GetSection("Messaging:Deadlines"));
        services.AddScoped<IOutbox, EfOutbox>();
        services.AddScoped<IDeadlines, EfDeadlines>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<DeadlinePoller>();
        services.Configure<ParkingOptions>(configuration.GetSection("Messaging:Parking"));
        services.AddSingleton<MessageParking>();
        services.AddHostedService<ParkedMessageRedriver>();
        services.AddSingleton(new ConsumerSlots(consumerSlots));
        services.Configure<IdempotencyOptions>(configuration.GetSection("Idempotency"));
        services.AddHostedService<IdempotencyKeyPurge>();
        services.AddGrpc();

        // The platform's own metrics and the message log's retention.
        services.AddSingleton(new ConsumerRetries(retryIntervals));
        services.AddSingleton<MessagingMetrics>();
        services.Configure<MonitoringOptions>(configuration.GetSection("Messaging:Monitoring"));
        services.AddScoped<MessageLogStatus>();
        services.AddHostedService<MessageLogSampler>();
        services.Configure<MessageLogRetentionOptions>(configuration.GetSection("Messaging:Retention"));
        services.AddScoped<MessageLogPurge>();
        services.AddHostedService<MessageLogRetention>();

        services.AddMassTransit(x =>
        {
            // MassTransit 8.3+ reports bus usage to its vendor by default; nothing of ours leaves the platform.
            x.DisableUsageTelemetry();
            consumers?.Invoke(x);
            // Degraded, not Unhealthy: with the outbox a service keeps accepting work while the broker is away.
            x.ConfigureHealthCheckOptions(o =>
            {
                o.Name = "bus";
                o.MinimalFailureStatus = HealthStatus.Degraded;
                o.Tags.Add(HealthSetup.Ready);
            });
            x.AddConfigureEndpointsCallback((_, queueName, endpoint) =>
            {
                if (queues.Quorum && endpoint is IRabbitMqReceiveEndpointConfigurator rabbitEndpoint)
                {
                    rabbitEndpoint.SetQuorumQueue(queues.ReplicationFactor);
                    rabbitEndpoint.SetQueueArgument("x-delivery-limit", queues.DeliveryLimit);
                    // Past the delivery limit the broker dead-letters into the _error exchange (MassTransit
                    // declares it, and its quorum queue, when the endpoint starts).
                    rabbitEndpoint.SetQueueArgument("x-dead-letter-exchange", $"{queueName}_error");
                }
                // Outer: a message's own fault is retried briefly (a concurrent update, a race) and then
                // faulted to _error; the outer one's count is what the fault headers report.
                endpoint.UseMessageRetry(r =>
                {
                    r.Ignore<Exception>(Transience.IsTransient);
                    r.Intervals(retryIntervals);
                });
                // Inner: a passing failure waits for the part to come back, however many rounds it takes
                // within the limit, without using up the budget above; it never reaches _error meanwhile.
                endpoint.UseMessageRetry(r =>
                {
                    r.Handle<Exception>(Transience.IsTransient);
                    r.Exponential(retry.TransientLimit, retry.TransientMinInterval, retry.TransientMaxInterval, retry.TransientMinInterval);
                });
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                // A RabbitMQ cluster: the client connects to any node named, and to another when its node goes.
                cfg.Host(new Uri(rabbit), h =>
                {
                    if (clusterNodes.Length > 0) h.UseCluster(c => { foreach (var node in clusterNodes) c.Node(node); });
                });
                if (queues.Quorum)
                {
                    cfg.SendTopology.ConfigureErrorSettings = q => q.SetQuorumQueue(queues.ReplicationFactor);
                    cfg.SendTopology.ConfigureDeadLetterSettings = q => q.SetQuorumQueue(queues.ReplicationFactor);
                }
                cfg.ConfigureEndpoints(context, new KebabCaseEndpointNameFormatter(serviceName, false));
            });
        });
        return builder;
    }

    /// <summary>
    /// The service's gRPC message log for the operations flow view, and idempotent writes
    /// (Idempotency-Key): call after MapServiceDefaults, so a key is only claimed for a caller the
    /// endpoint's access rule admitted.
    /// </summary>
    public static IEndpointRouteBuilder MapJtaiMessaging(this IEndpointRouteBuilder app)
    {
        if (app is IApplicationBuilder pipeline) pipeline.UseMiddleware<IdempotencyMiddleware>();
        app.MapGrpcService<MessageFlowService>().RequireStanding(Rules.Operations);
        return app;
    }
}
