using System.Net;
using Jtai.Calendar.WorkingDays;
using Xunit;

namespace Jtai.Platform.Tests.FollowUp;

/// <summary>A platform of its own: these tests move the shared clock past follow-up deadlines.</summary>
public sealed class FollowUpClockFixture : PlatformFixture;

[CollectionDefinition(Name)]
public sealed class FollowUpClockCollection : ICollectionFixture<FollowUpClockFixture>
{
    public const string Name = "follow-up-clock";
}

[Collection(FollowUpClockCollection.Name)]
public sealed class FollowUpDeadlineTests(FollowUpClockFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_draft_action_plan_not_received_is_reminded_then_overdue_and_the_orchestrator_shows_it()
    {
        var letter = Platform.Today();
        var action = FollowUpSteps.PriorityAction(Platform, ["local-authority"], letterDate: letter);
        await Platform.Publish(action);
        var id = (await Platform.FollowUpOf("ofsted", action)).Id();
        using var ofsted = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        await Platform.WaitForState("ofsted", id, "dfe-informed");
        var requested = await (await ofsted.PostJson($"/api/ofsted/follow-ups/{id}/action-plan/request", new { })).Expect(HttpStatusCode.OK);
        var draftDue = requested.Deadline("draft-action-plan")["dueOn"]!.Date();
        Assert.Equal(WorkingDayCalendar.England().AddWorkingDays(letter, 20), draftDue);

        // To the reminder point: five working days before the draft is due.
        Platform.Clock.AdvanceTo(LondonTime.At(WorkingDayCalendar.England().AddWorkingDays(draftDue, -5), new TimeOnly(9, 0)));
        await Testing.Platform.WaitUntil(async () =>
                (await Platform.Read("ofsted", id)).Deadline("draft-action-plan")["status"]!.GetValue<string>() == "reminded",
            TimeSpan.FromSeconds(20), "the draft action plan's reminder");

        // Past the due day: overdue, in the service and in the orchestrator's joint summary; the final is still only pending.
        Platform.Clock.AdvanceTo(LondonTime.At(draftDue.AddDays(1), new TimeOnly(9, 0)));
        System.Text.Json.Nodes.JsonNode? view = null;
        await Testing.Platform.WaitUntil(async () =>
        {
            view = await Platform.Read("ofsted", id);
            return view.Deadline("draft-action-plan")["status"]!.GetValue<string>() == "overdue";
        }, TimeSpan.FromSeconds(20), "the draft action plan to be overdue");
        Assert.Equal("pending", view!.Deadline("final-action-plan")["status"]!.GetValue<string>());
        Assert.Contains("draft-action-plan-reminder", view!.Steps());
        Assert.Contains("draft-action-plan-overdue", view!.Steps());
        var rows = await Platform.JointSummaryOf(action.InspectionId,
            r => r.Count == 1 && r[0]!["overdue"]!.AsArray().Any(d => d!.GetValue<string>() == "draft-action-plan"),
            "the orchestrator to show the overdue draft action plan");
        Assert.Contains("draft-action-plan", rows[0]!["reminded"]!.AsArray().Select(d => d!.GetValue<string>()));

        // A late draft still meets the deadline (recorded as met), and nothing more fires for it.
        var late = await (await ofsted.PostJson($"/api/ofsted/follow-ups/{id}/action-plan/received", new { stage = "draft", receivedOn = Platform.Today() }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("met", late.Deadline("draft-action-plan")["status"]!.GetValue<string>());
    }
}
