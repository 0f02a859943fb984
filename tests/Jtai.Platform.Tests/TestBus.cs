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

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
