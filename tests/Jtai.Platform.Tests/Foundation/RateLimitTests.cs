using System.Net;
using Jtai.Testing;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>A platform whose gateway allows each caller a burst of 5 and 1 more per second.</summary>
public sealed class TightRateLimitFixture : PlatformFixture
{
    protected override PlatformOptions Options => new()
    {
        Settings = (service, settings) =>
        {
            if (service != "gateway") return;
            settings["Gateway:RateLimit:TokenLimit"] = "5";
            settings["Gateway:RateLimit:TokensPerSecond"] = "1";
        },
    };
}

public sealed class RateLimitTests(TightRateLimitFixture fixture) : IClassFixture<TightRateLimitFixture>
{
    [Fact]
    public async Task A_caller_over_its_rate_gets_429_with_Retry_After_and_another_caller_is_unaffected()
    {
        var platform = fixture.Platform;
        using var busy = platform.Client(await platform.Tokens.Staff("inspector", "cqc", "busy-inspector"));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 12; i++)
        {
            var response = await busy.GetAsync("/api/cqc/inspections");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited ??= response;
        }
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.NotNull(limited);
        Assert.True(limited!.Headers.RetryAfter is not null, "429 carries Retry-After");
        await limited.ExpectProblem(HttpStatusCode.TooManyRequests);

        using var other = platform.Client(await platform.Tokens.Staff("inspector", "cqc", "quiet-inspector"));
        (await other.GetAsync("/api/cqc/inspections")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
