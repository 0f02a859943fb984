using System.Net;
using System.Net.Http.Json;
using Jtai.Orchestrator.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>
/// A caller that did not hear the answer sends the same write again with the same Idempotency-Key:
/// it gets the first answer back and nothing changes a second time.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IdempotencyKeyTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Scheduling_repeated_with_the_same_key_returns_the_first_answer_and_schedules_once()
    {
        using var client = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var key = Guid.NewGuid().ToString();
        var body = Schedule("E06000047", "County Durham");
        var before = await Scheduled();

        var first = await Send(client, key, body);
        var created = await first.Expect(HttpStatusCode.Created);
        Assert.Equal(before + 1, await Scheduled());

        var repeat = await Send(client, key, body);
        var replayed = await repeat.Expect(HttpStatusCode.Created);
        Assert.Equal(created["id"]!.GetValue<Guid>(), replayed["id"]!.GetValue<Guid>());
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(before + 1, await Scheduled());
        Assert.Equal(1, await OutboxRows(created["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Two_sends_of_one_key_at_once_schedule_once_and_both_get_the_same_answer()
    {
        using var client = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var key = Guid.NewGuid().ToString();
        var body = Schedule("E06000005", "Darlington");
        var before = await Scheduled();

        var answers = await Task.WhenAll(Send(client, key, body), Send(client, key, body));
        var ids = new List<Guid>();
        foreach (var answer in answers) ids.Add((await answer.Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        Assert.Single(ids.Distinct());
        Assert.Equal(before + 1, await Scheduled());
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_with_a_problem_and_changes_nothing()
    {
        using var client = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var key = Guid.NewGuid().ToString();
        (await Send(client, key, Schedule("E06000001", "Hartlepool"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await Scheduled();

        var problem = await (await Send(client, key, Schedule("E06000003", "Redcar and Cleveland"))).ExpectProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Idempotency-Key", problem["header"]!.GetValue<string>());
        Assert.Equal(before, await Scheduled());
    }

    [Fact]
    public async Task A_key_is_the_callers_own_another_caller_with_the_same_key_is_not_answered_with_the_first_callers_result()
    {
        var key = Guid.NewGuid().ToString();
        var body = Schedule("E06000004", "Stockton-on-Tees");
        using var one = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted", subject: "lead-one"));
        using var two = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted", subject: "lead-two"));
        var before = await Scheduled();

        var first = (await (await Send(one, key, body)).Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        var second = await Send(two, key, body);
        var other = (await second.Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        Assert.NotEqual(first, other);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before + 2, await Scheduled());
    }

    private object Schedule(string area, string name) => new
    {
        localAreaCode = area, localAreaName = name, theme = "front-door",
        fieldworkStart = Steps.NextFieldworkMonday(Platform.Clock, weeksAhead: 8),
    };

    private static Task<HttpResponseMessage> Send(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orchestrator/inspections") { Content = JsonContent.Create(body, options: Api.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private async Task<int> Scheduled()
    {
        await using var scope = Platform.Services("orchestrator").CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>().Inspections.CountAsync();
    }

    private async Task<int> OutboxRows(Guid inspectionId)
    {
        await using var scope = Platform.Services("orchestrator").CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>().OutboxMessages
            .CountAsync(m => m.InspectionId == inspectionId && m.MessageType.EndsWith("InspectionScheduled"));
    }
}
