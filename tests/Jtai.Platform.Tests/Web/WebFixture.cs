using Jtai.Calendar.Registry;
using Jtai.Testing;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>
/// The platform with every inspectorate of the registry and the web service on real sockets, and one headless Chromium for
/// the collection: the pages are tried against the whole programme, HMI Probation's included.
/// </summary>
public sealed class WebFixture : PlatformFixture
{
    private Browser? _browser;

    public Browser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>Where the operations console links trace ids (the dashboard itself is not needed to check the links).</summary>
    public const string DashboardUrl = "http://dashboard.jtai.test:18888";

    protected override PlatformOptions Options => new()
    {
        Web = true,
        Inspectorates = InspectorateRegistry.Current.Keys,
        Settings = (name, settings) =>
        {
            if (name == "web") settings["Operations:DashboardUrl"] = DashboardUrl;
        },
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _browser = await Browser.Launch();
    }

    public override async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
