using Jtai.Messaging.Parking;
using MassTransit;

namespace Jtai.Platform.Tests;

/// <summary>A MassTransit bus on the platform's own virtual host of the real broker, for tests that publish directly.</summary>
public sealed class TestBus : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private TestBus(IBusControl bus) => _bus = bus;

    public static async Task<TestBus> Start(Testing.Platform platform)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(platform.Infrastructure.AmqpFor(platform.Vhost)));
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return new TestBus(bus);
    }

    public Task Publish<T>(T message, Action<PublishContext<T>> configure) where T : class =>
        _bus.Publish(message, configure);

    /// <summary>
    /// Sends a message to one queue only (through the queue's own exchange, as the parked-message redriver
    /// does), where a publish would reach every service that subscribes.
    /// </summary>
    public async Task Send<T>(string queue, T message, Action<SendContext<T>> configure) where T : class
    {
        var endpoint = await _bus.GetSendEndpoint(new Uri($"exchange:{queue}"));
        await endpoint.Send(message, configure);
    }

    /// <summary>
    /// Sends a message as its consumer's last hand-back after the parking window (a day in production):
    /// still missing what it waits for, it is then a fault that goes to _error instead of being parked
    /// again. Dead-letter tests use it rather than wait the window out.
    /// </summary>
    public static void PastItsParkingWindow(SendContext context) => context.Headers.Set(MessageParking.LastChanceHeader, "true");

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
