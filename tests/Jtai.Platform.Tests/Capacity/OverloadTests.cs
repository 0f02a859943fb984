using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jtai.Testing;
using Xunit;

namespace Jtai.Platform.Tests.Capacity;

/// <summary>
/// A platform whose orchestrator takes two writes at a time with four waiting, on a pool of five
/// connections: small enough that a burst of schedulings overloads it on any machine.
/// </summary>
public sealed class SmallCapacityFixture : PlatformFixture
{
    protected override PlatformOptions Options => new()
    {
        Settings = (service, settings) =>
        {
            if (service != "orchestrator") return;
            settings["Database:MaxPoolSize"] = "5";
            settings["Limits:Writes:Concurrent"] = "2";
            settings["Limits:Writes:Queued"] = "4";
        },
    };
}

public sealed class OverloadTests(SmallCapacityFixture fixture) : IClassFixture<SmallCapacityFixture>
{
    [Fact]
    public async Task Overload_is_shed_with_503_and_Retry_After_never_500_and_every_accepted_inspection_reaches_the_three_services()
    {
        var platform = fixture.Platform;
        using var lead = platform.Client(await platform.Tokens.Staff("lead-inspector", "ofsted"));
        var fieldwork = Steps.NextFieldworkMonday(platform.Clock);

        // 240 schedulings, 60 at a time: far more than two in progress and four waiting.
        using var gate = new SemaphoreSlim(60);
        var answers = await Task.WhenAll(Enumerable.Range(0, 240).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await lead.PostAsJsonAsync("/api/orchestrator/inspections", new
                {
                    localAreaCode = Steps.Area, localAreaName = $"Overload {i}", theme = "front-door", fieldworkStart = fieldwork,
                });
                var body = await response.Content.ReadAsStringAsync();
                return (response.StatusCode, RetryAfter: response.Headers.RetryAfter is not null,
                    ContentType: response.Content.Headers.ContentType?.MediaType, Body: body);
            }
            finally
            {
                gate.Release();
            }
        }));

        var unexpected = answers.Where(a => a.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests)).ToList();
        Assert.True(unexpected.Count == 0, $"Only 201, 429 or 503 may answer; got {string.Join("; ", unexpected.Take(3).Select(a => $"{(int)a.StatusCode} {a.Body}"))}");
        var shed = answers.Where(a => a.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(shed);
        Assert.All(shed, a =>
        {
            Assert.True(a.RetryAfter, "a shed request says when to retry");
            Assert.Equal("application/problem+json", a.ContentType);
        });

        // What was accepted is not lost: every created inspection reaches Ofsted, CQC and HMICFRS.
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created)
            .Select(a => JsonNode.Parse(a.Body)!["id"]!.GetValue<Guid>()).ToList();
        Assert.NotEmpty(created);
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" })
        {
            using var staff = platform.Client(await platform.Tokens.Staff("inspector", inspectorate));
            await Testing.Platform.WaitUntil(async () =>
            {
                foreach (var id in created)
                    if ((await staff.GetAsync($"/api/{inspectorate}/inspections/{id}")).StatusCode != HttpStatusCode.OK) return false;
                return true;
            }, TimeSpan.FromSeconds(90), $"{inspectorate} to hold all {created.Count} accepted inspections");
        }
    }
}
