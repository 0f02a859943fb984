using Jtai.Testing;
using Npgsql;
using Xunit;

namespace Jtai.Platform.Tests.Faults;

/// <summary>
/// A platform whose Ofsted service reaches PostgreSQL through a proxy the tests control: cutting it
/// takes the database away from Ofsted alone, as a server restart or a network fault would, while the
/// shared PostgreSQL (and every other run on this machine) carries on.
/// </summary>
public sealed class FaultsFixture : PlatformFixture
{
    private FaultProxy? _ofstedDatabase;

    public FaultProxy OfstedDatabase => _ofstedDatabase ?? throw new InvalidOperationException("The platform is not started.");

    protected override PlatformOptions Options => new()
    {
        Settings = (name, settings) =>
        {
            if (name != "ofsted") return;
            var direct = new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:ofsted"]);
            _ofstedDatabase = FaultProxy.Start(direct.Host ?? "127.0.0.1", direct.Port);
            direct.Host = "127.0.0.1";
            direct.Port = _ofstedDatabase.Port;
            settings["ConnectionStrings:ofsted"] = direct.ConnectionString;
        },
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ofstedDatabase is not null) await _ofstedDatabase.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<FaultsFixture>
{
    public const string Name = "faults";
}
