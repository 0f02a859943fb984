using System.Net;
using System.Text.Json.Nodes;
using Jtai.Calendar.WorkingDays;
using Jtai.Platform.Tests.InformationRequests;
using Xunit;

namespace Jtai.Platform.Tests.Lifecycle;

/// <summary>
/// The fieldwork week's meetings are records of what happened (¶36–47): each meets its milestone on time
/// or late, and moving the stage alone meets none of them. On the deadline platform: the clock moves into fieldwork.
/// </summary>
[Collection(DeadlineCollection.Name)]
public sealed class MeetingTests(DeadlineFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    private static readonly object[] EveryInspectorate =
    [
        new { role = "lead-inspector", organisation = "ofsted", name = "Olive Lead" },
        new { role = "inspector", organisation = "cqc" },
        new { role = "inspector", organisation = "hmicfrs" },
        new { role = "director of children's services", organisation = "Dudley Council" },
    ];

    [Fact]
    public async Task Meetings_meet_their_milestones_as_held_and_a_stage_change_meets_none()
    {
        var calendar = WorkingDayCalendar.England();
        var monday = Steps.NextFieldworkMonday(Platform.Clock, weeksAhead: 3);
        while (!calendar.IsWorkingDay(monday) || !calendar.IsWorkingDay(monday.AddDays(4))) monday = monday.AddDays(7);
        var id = await Platform.InspectionWithTeam(area: "E08000027", fieldworkStart: monday);
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var meetings = $"/api/orchestrator/inspections/{id}/meetings";
        DateTimeOffset At(DateOnly day, int hour) => LondonTime.At(day, new TimeOnly(hour, 0));

        // Before fieldwork: the set-up discussion is recorded; a meeting still to come is refused.
        var setUp = await (await lead.PostJson(meetings, new
        {
            kind = "set-up-discussion", startedAt = Platform.Clock.GetUtcNow().AddMinutes(-30), mode = "video",
            attendees = new object[] { EveryInspectorate[0], EveryInspectorate[3] },
        })).Expect(HttpStatusCode.Created);
        Assert.Equal("set-up-discussion", setUp["kind"]!.GetValue<string>());
        var future = await (await lead.PostJson(meetings, new
        {
            kind = "kit-meeting", startedAt = At(monday.AddDays(2), 10), mode = "in-person", attendees = EveryInspectorate,
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(future["errors"]!["startedAt"]);

        await (await Platform.Transition(id, "information-gathering")).Expect(HttpStatusCode.OK);
        await (await Platform.Transition(id, "fieldwork")).Expect(HttpStatusCode.OK);
        // The move to fieldwork meets nothing: the initial meeting does (¶37).
        Assert.Null((await Platform.Timeline(id)).Milestone("fieldwork-start")["metAt"]);

        Platform.Clock.AdvanceTo(At(monday, 11));
        // ¶37: the lead and a representative of each inspectorate; HMICFRS missing is refused, naming the field.
        var missing = await (await lead.PostJson(meetings, new
        {
            kind = "initial-meeting", startedAt = At(monday, 9), mode = "in-person", attendees = EveryInspectorate.Where((_, i) => i != 2).ToArray(),
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("hmicfrs", missing["errors"]!["attendees"]![0]!.GetValue<string>());
        await (await lead.PostJson(meetings, new
        {
            kind = "initial-meeting", startedAt = At(monday, 9), endedAt = At(monday, 10), mode = "in-person", attendees = EveryInspectorate,
        })).Expect(HttpStatusCode.Created);
        var start = (await Platform.Timeline(id)).Milestone("fieldwork-start");
        Assert.Equal("met", start["status"]!.GetValue<string>());
        Assert.Equal("meeting-held", start["metBy"]!.GetValue<string>());

        // Wednesday's KIT meeting started late: met, late.
        Platform.Clock.AdvanceTo(At(monday.AddDays(2), 13));
        await (await lead.PostJson(meetings, new
        {
            kind = "kit-meeting", startedAt = At(monday.AddDays(2), 11), mode = "video", attendees = EveryInspectorate,
            notes = "Two concerns about specific children raised; written responses asked for (¶40).",
        })).Expect(HttpStatusCode.Created);
        Assert.Equal("late", (await Platform.Timeline(id)).Milestone("kit-meeting-wednesday")["status"]!.GetValue<string>());

        // Friday: the feedback meeting is held; Thursday's KIT meeting and the team's end-of-fieldwork meeting are not recorded.
        Platform.Clock.AdvanceTo(At(monday.AddDays(4), 18));
        await (await lead.PostJson(meetings, new
        {
            kind = "feedback-meeting", startedAt = At(monday.AddDays(4), 9), mode = "in-person", attendees = EveryInspectorate,
        })).Expect(HttpStatusCode.Created);
        await (await Platform.Transition(id, "drafting")).Expect(HttpStatusCode.OK);

        var timeline = await Platform.Timeline(id);
        Assert.Equal("met", timeline.Milestone("feedback-meeting")["status"]!.GetValue<string>());
        foreach (var key in new[] { "kit-meeting-thursday", "fieldwork-end" })
            Assert.Equal("overdue", timeline.Milestone(key)["status"]!.GetValue<string>());
        var overdue = await (await lead.GetAsync($"/api/orchestrator/inspections/{id}/overdue")).Expect(HttpStatusCode.OK);
        Assert.Equal(["kit-meeting-thursday", "fieldwork-end"], overdue.AsArray().Select(o => o!["key"]!.GetValue<string>()).Where(k => k is "kit-meeting-thursday" or "fieldwork-end"));

        // Nobody marks a meeting held by hand.
        var byHand = await (await lead.PostJson($"/api/orchestrator/inspections/{id}/milestones/kit-meeting-thursday/met", new { note = "it happened" }))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("milestone-met-by-record", byHand["rule"]!.GetValue<string>());
        // A KIT meeting on the Friday before fieldwork is not in the fieldwork week.
        var before = await (await lead.PostJson(meetings, new
        {
            kind = "kit-meeting", startedAt = At(monday.AddDays(-3), 9), mode = "phone", attendees = EveryInspectorate,
        })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.Contains("fieldwork week", before["errors"]!["startedAt"]![0]!.GetValue<string>());

        // Recorded afterwards, as held: Thursday's KIT meeting and the team's meeting at the end of fieldwork (¶36).
        await (await lead.PostJson(meetings, new
        {
            kind = "kit-meeting", startedAt = At(monday.AddDays(3), 9), mode = "video", attendees = EveryInspectorate,
        })).Expect(HttpStatusCode.Created);
        await (await lead.PostJson(meetings, new
        {
            kind = "provisional-findings-meeting", startedAt = At(monday.AddDays(4), 14), mode = "in-person",
            attendees = EveryInspectorate.Take(3).ToArray(),
        })).Expect(HttpStatusCode.Created);
        timeline = await Platform.Timeline(id);
        Assert.Equal("met", timeline.Milestone("kit-meeting-thursday")["status"]!.GetValue<string>());
        Assert.Equal("met", timeline.Milestone("fieldwork-end")["status"]!.GetValue<string>());
        Assert.Equal(At(monday.AddDays(4), 14), timeline.Milestone("fieldwork-end")["metAt"]!.GetValue<DateTimeOffset>());

        // The record: every meeting in the order held, with who was there; a partner cannot read it.
        var held = (await (await lead.GetAsync(meetings)).Expect(HttpStatusCode.OK)).AsArray();
        Assert.Equal(["set-up-discussion", "initial-meeting", "kit-meeting", "kit-meeting", "feedback-meeting", "provisional-findings-meeting"],
            held.Select(m => m!["kind"]!.GetValue<string>()));
        Assert.Equal("Olive Lead", held[1]!["attendees"]![0]!["name"]!.GetValue<string>());
        using var partner = Platform.Client(await Platform.Tokens.Partner("E08000027", "local-authority"));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(meetings)).StatusCode);
    }
}
