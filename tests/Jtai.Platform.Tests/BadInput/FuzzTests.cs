using Jtai.Testing;
using Jtai.Testing.Fuzzing;
using Xunit;
using Xunit.Abstractions;

namespace Jtai.Platform.Tests.BadInput;

/// <summary>A platform of its own: the fuzz creates and breaks things other tests should not meet.</summary>
public sealed class FuzzPlatformFixture : PlatformFixture
{
    protected override PlatformOptions Options => new() { Settings = (_, s) => s["Logging:LogLevel:Default"] = "Error" };
}

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzPlatformFixture>
{
    public const string Name = "fuzz";
}

/// <summary>
/// A slice of tests/fuzz.sh in every run: the same routes (from the services' OpenAPI documents),
/// the same mutations, fewer of them. The full script sends at least 10,000.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(FuzzPlatformFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Malformed_requests_to_every_POST_PUT_and_DELETE_route_get_no_5xx_and_no_internal_names()
    {
        var context = await FuzzContext.Seed(fixture.Platform);
        var routes = await OpenApiRoutes.Discover(fixture.Platform);
        Assert.True(routes.Count >= 80, $"only {routes.Count} routes discovered");
        Assert.Contains(routes, r => r.FormBody);

        var report = await new Fuzzer(context, routes, new FuzzOptions
        {
            Requests = 1500, Concurrency = 4, Oversized = 1, Seed = 11, MaxDuration = TimeSpan.FromMinutes(10),
        }).Run();
        output.WriteLine(report.Summary());

        Assert.Equal(1500, report.MalformedSent);
        Assert.True(report.ServerErrorCount == 0, report.Summary());
        Assert.True(report.Leaks.IsEmpty, report.Summary());
    }
}
