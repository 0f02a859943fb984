using Jtai.Gateway;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

public sealed class DevIssuerTests
{
    [Fact]
    public void The_development_issuer_refuses_to_start_in_Production()
    {
        using var factory = new WebApplicationFactory<GatewayService>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Identity:DevIssuer:Enabled", "true")
            .UseSetting("Authentication:Authority", "http://127.0.0.1:1"));
        var error = Assert.Throws<InvalidOperationException>(() => factory.Server);
        Assert.Contains("Production", error.Message);
    }
}
