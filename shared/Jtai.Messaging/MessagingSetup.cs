using Jtai.Messaging.Deadlines;
using Jtai.Messaging.Flow;
using Jtai.Messaging.Outbox;
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
}

public static class MessagingSetup
{
    /// <summary>
    /// MassTransit on RabbitMQ (ConnectionStrings:RabbitMq, an amqp:// URI), queues named
    /// "{service}-{message}", retries then _error queues, the outbox and its relay, deadline rows
    /// and their poller, and the bus in /health/ready. Call after AddJtaiData.
    /// </summary>
    public static WebApplicationBuilder AddJtaiMessaging(
        this WebApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var rabbit = configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not configured (amqp://user:password@host:5672/vhost).");
        var configured = configuration.GetSection("Messaging:Retry").Get<RetryOptions>()?.Intervals ?? [];
        var retryIntervals = configured.Length > 0 ? configured : RetryOptions.DefaultIntervals;

        services.AddSingleton(new ServiceIdentity(serviceName));
        services.Configure<OutboxOptions>(configuration.GetSection("Messaging:Outbox"));
        services.Configure<DeadlineOptions>(configuration.GetSection("Messaging:Deadlines"));
        services.AddScoped<IOutbox, EfOutbox>();
        services.AddScoped<IDeadlines, EfDeadlines>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<DeadlinePoller>();
        services.AddGrpc();

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
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
                endpoint.UseMessageRetry(r => r.Intervals(retryIntervals)));
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(rabbit));
                cfg.ConfigureEndpoints(context, new KebabCaseEndpointNameFormatter(serviceName, false));
            });
        });
        return builder;
    }

    /// <summary>The service's gRPC message log for the operations flow view.</summary>
    public static IEndpointRouteBuilder MapJtaiMessaging(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<MessageFlowService>().RequireStanding(Rules.Operations);
        return app;
    }
}
