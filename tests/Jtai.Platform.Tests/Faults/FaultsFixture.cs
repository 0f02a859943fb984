using Jtai.Testing;
using Npgsql;
using Xunit;

namespace Jtai.Platform.Tests.Faults;

/// <summary>
/// A platform whose services reach the broker, and whose Ofsted service reaches PostgreSQL, through
/// proxies the tests control: cutting one takes that server away from these processes alone, as a
/// server stop or a network fault would, while the shared RabbitMQ and PostgreSQL (and every other
/// run on this machine) carry on. Nothing here stops or reconfigures the shared servers.
/// </summary>
public sealed class FaultsFixture : PlatformFixture
{
    private FaultProxy? _ofstedDatabase;
    private FaultProxy? _broker;

    public FaultProxy OfstedDatabase => _ofstedDatabase ?? throw new InvalidOperationException("The platform is not started.");
    /// <summary>Every service's AMQP connection (the tests' own bus connects directly).</summary>
    public FaultProxy Broker => _broker ?? throw new InvalidOperationException("The platform is not started.");

    protected override PlatformOptions Options => new()
    {
        Settings = (name, settings) =>
        {
            if (settings.TryGetValue("ConnectionStrings:RabbitMq", out var amqp) && amqp is not null)
            {
                var uri = new Uri(amqp);
                _broker ??= FaultProxy.Start(uri.Host, uri.Port);
                settings["ConnectionStrings:RabbitMq"] = new UriBuilder(uri) { Host = "127.0.0.1", Port = _broker.Port }.Uri.ToString();
            }
            if (name == "ofsted")
            {
                var direct = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:ofsted"]);
                _ofstedDatabase = FaultProxy.Start(direct.Host ?? "127.0.0.1", direct.Port);
                direct.Host = "127.0.0.1";
                direct.Port = _ofstedDatabase.Port;
                settings["ConnectionStrings:ofsted"] = direct.ConnectionString;
            }
        },
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ofstedDatabase is not null) await _ofstedDatabase.DisposeAsync();
        if (_broker is not null) await _broker.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<FaultsFixture>
{
    public const string Name = "faults";
}
