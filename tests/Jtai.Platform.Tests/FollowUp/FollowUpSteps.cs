using System.Net;
using System.Text.Json.Nodes;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using MassTransit;

namespace Jtai.Platform.Tests.FollowUp;

/// <summary>Steps of the follow-up tests: a priority action published on the real broker, then each inspectorate's follow-up.</summary>
public static class FollowUpSteps
{
    public static PriorityActionIdentified PriorityAction(Testing.Platform platform, string[] agencies, string area = "E09000001",
        DateOnly? letterDate = null, DateOnly? publishedDate = null, Guid? inspectionId = null) =>
        new(inspectionId ?? Guid.NewGuid(), Guid.NewGuid(), area, "City of London", agencies,
            agencies.Length > 1 || agencies.Contains("masa"),
            "Children referred out of hours wait too long for a strategy discussion.",
            letterDate, publishedDate, platform.Clock.GetUtcNow());

    public static async Task Publish(this Testing.Platform platform, PriorityActionIdentified action, Guid? messageId = null, int times = 1)
    {
        var id = messageId ?? NewId.NextGuid();
        await using var bus = await TestBus.Start(platform);
        for (var i = 0; i < times; i++) await bus.Publish(action, ctx => ctx.MessageId = id);
    }

    public static DateOnly Today(this Testing.Platform platform) => LondonTime.Today(platform.Clock);

    /// <summary>Waits until the inspectorate has opened its follow-up of the priority action; returns its full view.</summary>
    public static async Task<JsonNode> FollowUpOf(this Testing.Platform platform, string inspectorate, PriorityActionIdentified action)
    {
        using var staff = platform.Client(await platform.Tokens.Staff("inspector", inspectorate));
        JsonNode? item = null;
        await Testing.Platform.WaitUntil(async () =>
        {
            var list = await staff.AllPages($"/api/{inspectorate}/follow-ups?inspectionId={action.InspectionId}");
            item = list.FirstOrDefault(f => f!["priorityActionId"]!.GetValue<Guid>() == action.PriorityActionId);
            return item is not null;
        }, TimeSpan.FromSeconds(20), $"{inspectorate} to open its follow-up of {action.PriorityActionId}");
        return await (await staff.GetAsync($"/api/{inspectorate}/follow-ups/{item!["id"]!.GetValue<Guid>()}")).Expect(HttpStatusCode.OK);
    }

    /// <summary>Waits until the follow-up reaches a state a step taken by the system (a delivered notice) brings it to.</summary>
    public static async Task<JsonNode> WaitForState(this Testing.Platform platform, string inspectorate, Guid followUpId, string state)
    {
        JsonNode? followUp = null;
        await Testing.Platform.WaitUntil(async () => (followUp = await platform.Read(inspectorate, followUpId)).State() == state,
            TimeSpan.FromSeconds(30), $"{inspectorate} follow-up {followUpId} to be {state}");
        return followUp!;
    }

    public static async Task<JsonNode> Read(this Testing.Platform platform, string inspectorate, Guid followUpId)
    {
        using var staff = platform.Client(await platform.Tokens.Staff("inspector", inspectorate));
        return await (await staff.GetAsync($"/api/{inspectorate}/follow-ups/{followUpId}")).Expect(HttpStatusCode.OK);
    }

    /// <summary>Waits until the orchestrator's joint summary of the inspection satisfies the condition.</summary>
    public static async Task<JsonArray> JointSummaryOf(this Testing.Platform platform, Guid inspectionId, Func<JsonArray, bool> until, string what)
    {
        using var staff = platform.Client(await platform.Tokens.Staff("lead-inspector", "ofsted"));
        JsonArray rows = [];
        try
        {
            await Testing.Platform.WaitUntil(async () =>
            {
                var response = await staff.GetAsync($"/api/orchestrator/inspections/{inspectionId}/follow-ups");
                if (response.StatusCode == HttpStatusCode.NotFound) return false;
                rows = (await response.Expect(HttpStatusCode.OK))["followUps"]!.AsArray();
                return until(rows);
            }, TimeSpan.FromSeconds(20), what);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Last summary: {rows.ToJsonString()}", ex);
        }
        return rows;
    }

    public static DateOnly Date(this JsonNode node) => DateOnly.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    public static Guid Id(this JsonNode followUp) => followUp["id"]!.GetValue<Guid>();
    public static string State(this JsonNode followUp) => followUp["state"]!.GetValue<string>();
    public static IEnumerable<string> Steps(this JsonNode followUp) => followUp["history"]!.AsArray().Select(s => s!["step"]!.GetValue<string>());
    public static JsonNode Deadline(this JsonNode followUp, string name) =>
        followUp["deadlines"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == name)!;
}
