using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Jtai.Calendar.WorkingDays;
using Xunit;

namespace Jtai.Platform.Tests.Lifecycle;

[Collection(PlatformCollection.Name)]
public sealed class LifecycleTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Notification_moves_the_inspection_and_each_inspectorate_records_whom_it_notified()
    {
        const string area = "E08000031";
        await Platform.SetContact("ofsted", area, "dcs", "Dana Director");
        await Platform.SetContact("cqc", area, "icb-chief-executive", "Ian Board");
        await Platform.SetContact("cqc", area, "executive-lead-safeguarding-children", "Erin Lead");
        await Platform.SetContact("hmicfrs", area, "chief-constable", "Chris Constable");
        await Platform.SetContact("hmicfrs", area, "force-liaison-officer", "Fay Liaison");
        var id = (await Platform.ScheduleInspection(area, "Wolverhampton"))["id"]!.GetValue<Guid>();
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" }) await Platform.CopyHeldBy(inspectorate, id);

        var moved = await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        Assert.Equal("notified", moved["status"]!.GetValue<string>());

        var expected = new Dictionary<string, string[]>
        {
            ["ofsted"] = ["dcs:direct:Dana Director", "masa-chair:via-dcs:", "independent-scrutineer:via-dcs:"],
            ["cqc"] = ["icb-chief-executive:direct:Ian Board", "executive-lead-safeguarding-children:direct:Erin Lead"],
            ["hmicfrs"] = ["chief-constable:direct:Chris Constable", "force-liaison-officer:direct:Fay Liaison"],
        };
        foreach (var (inspectorate, recipients) in expected)
        {
            using var client = Platform.Client(await Platform.Tokens.Staff("inspector", inspectorate));
            List<string> recorded = [];
            await Testing.Platform.WaitUntil(async () =>
            {
                var body = await (await client.GetAsync($"/api/{inspectorate}/inspections/{id}/notifications")).Expect(HttpStatusCode.OK);
                recorded = body.AsArray().Select(n => $"{n!["role"]}:{n["channel"]}:{n["name"]}").ToList();
                return recorded.Count > 0;
            }, TimeSpan.FromSeconds(20), $"{inspectorate} to record its notifications");
            Assert.Equal(recipients, recorded);
        }
        // Ofsted's DCS passes it on: the MASA chair has no contact on record at Ofsted, and that shows.
        using var ofsted = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted"));
        var sent = await (await ofsted.GetAsync($"/api/ofsted/inspections/{id}/notifications")).Expect(HttpStatusCode.OK);
        Assert.True(sent.AsArray().Single(n => n!["role"]!.GetValue<string>() == "masa-chair")!["contactMissing"]!.GetValue<bool>());

        // The notification milestone is met by the notices' delivery, not by the move to notified.
        await Testing.Platform.WaitUntil(async () => (await Platform.Timeline(id)).Milestone("notification")["metAt"] is not null,
            TimeSpan.FromSeconds(30), "the notification milestone to be met by the delivered notices");
        Assert.Equal("notices-delivered", (await Platform.Timeline(id)).Milestone("notification")["metBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Illegal_and_concurrent_transitions_are_refused_and_partners_cannot_move_the_lifecycle()
    {
        using (var ofstedLead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted")))
        {
            // Fieldwork next week leaves no 10 working days' notice.
            var tooSoon = await ofstedLead.PostJson("/api/orchestrator/inspections", new
            {
                localAreaCode = "E08000032", localAreaName = "Walsall", theme = "front-door",
                fieldworkStart = Steps.NextFieldworkMonday(Platform.Clock, 1),
            });
            Assert.NotNull((await tooSoon.ExpectProblem(HttpStatusCode.BadRequest))["errors"]!["fieldworkStart"]);
        }
        var id = (await Platform.ScheduleInspection("E08000032", "Walsall"))["id"]!.GetValue<Guid>();

        var illegal = await (await Platform.Transition(id, "published")).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("lifecycle-transition", illegal["rule"]!.GetValue<string>());
        await (await Platform.Transition(id, "deferred")).ExpectProblem(HttpStatusCode.BadRequest);

        // Before notification the inspection does not exist for the area's partners (¶16); they never move it.
        var partner = await Platform.Tokens.Partner("E08000032", "local-authority");
        (await Platform.Transition(id, "notified", partner)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var inspector = await Platform.Tokens.Staff("inspector", "cqc");
        (await Platform.Transition(id, "notified", inspector)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Two leads press "notified" at once: exactly one wins, the other is told it is already notified.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Platform.Transition(id, "notified")));
        Assert.Equal(1, outcomes.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, outcomes.Count(r => r.StatusCode == HttpStatusCode.Conflict));

        using var client = Platform.Client(partner);
        var history = await (await client.GetAsync($"/api/orchestrator/inspections/{id}/transitions")).Expect(HttpStatusCode.OK);
        Assert.Equal(["scheduled>notified"], history.AsArray().Select(t => $"{t!["from"]}>{t["to"]}"));
        (await Platform.Transition(id, "information-gathering", partner)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_whole_lifecycle_runs_and_the_published_letter_sets_the_statement_of_action_due()
    {
        var id = (await Platform.ScheduleInspection("E08000036", "Rotherham"))["id"]!.GetValue<Guid>();
        foreach (var stage in new[] { "notified", "information-gathering", "fieldwork", "drafting", "factual-accuracy", "final-under-embargo", "published" })
            await (await Platform.Transition(id, stage)).Expect(HttpStatusCode.OK);

        // Published today (long before the planned date): 70 working days count from the letter's real date.
        var timeline = await Platform.Timeline(id);
        var calendar = WorkingDayCalendar.England();
        var publishedOn = LondonTime.Today(Platform.Clock);
        Assert.Equal(publishedOn.ToString("yyyy-MM-dd"), timeline.Milestone("publication")["date"]!.GetValue<string>());
        Assert.NotNull(timeline.Milestone("publication")["metAt"]);
        // Moving the stages by hand sent nothing: the draft and final letter milestones are met only by their delivery.
        Assert.Null(timeline.Milestone("draft-letter")["metAt"]);
        Assert.Null(timeline.Milestone("final-letter")["metAt"]);
        Assert.Equal(calendar.AddWorkingDays(publishedOn, 70).ToString("yyyy-MM-dd"), timeline.Milestone("statement-of-action-due")["date"]!.GetValue<string>());
        Assert.Equal(calendar.AddWorkingDays(publishedOn, 10).ToString("yyyy-MM-dd"), timeline.Milestone("complaint-window-end")["date"]!.GetValue<string>());

        await (await Platform.Transition(id, "action-planning")).Expect(HttpStatusCode.OK);
        await (await Platform.Transition(id, "closed")).Expect(HttpStatusCode.OK);
        var ended = await (await Platform.Transition(id, "cancelled")).ExpectProblem(HttpStatusCode.Conflict);
        Assert.Contains("ended", ended["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deferral_can_be_requested_while_information_is_gathered_and_the_inspectorates_decide_it_together()
    {
        const string area = "E08000034";
        var fieldwork = Steps.NextFieldworkMonday(Platform.Clock, 7);
        var id = (await Platform.ScheduleInspection(area, "Sandwell", fieldworkStart: fieldwork))["id"]!.GetValue<Guid>();
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        await (await Platform.Transition(id, "information-gathering")).Expect(HttpStatusCode.OK);

        // ¶19: after notification and before fieldwork starts, so also in week 1 and 2 of information gathering.
        using var partner = Platform.Client(await Platform.Tokens.Partner(area, "police"));
        var request = await (await partner.PostJson($"/api/orchestrator/inspections/{id}/deferral-requests",
            new { reason = "Force-wide major incident response" })).Expect(HttpStatusCode.Created);
        var decision = $"/api/orchestrator/inspections/{id}/deferral-requests/{request["id"]}/decision";

        // Ofsted records the decision the inspectorates took together: with CQC's and HMICFRS's agreement.
        using var lead = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted"));
        foreach (var agreed in new string[][] { [], ["cqc"], ["cqc", "hmicfrs", "probation"] })
        {
            var alone = await (await lead.PostJson(decision, new { outcome = "refused", reason = "Ofsted alone", agreedWith = agreed }))
                .ExpectProblem(HttpStatusCode.BadRequest);
            Assert.NotNull(alone["errors"]!["agreedWith"]);
        }
        var refused = await (await lead.PostJson(decision, new { outcome = "refused", reason = "The inspection can go ahead", agreedWith = new[] { "hmicfrs", "cqc" } }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(["cqc", "hmicfrs"], refused["agreedWith"]!.AsArray().Select(a => a!.GetValue<string>()));

        // Refused, the inspection goes on gathering information.
        await (await Platform.Transition(id, "information-gathering")).Expect(HttpStatusCode.OK);
        var history = await (await partner.GetAsync($"/api/orchestrator/inspections/{id}/transitions")).Expect(HttpStatusCode.OK);
        Assert.Equal(["notified", "information-gathering", "deferral-requested", "deferral-refused", "information-gathering"],
            history.AsArray().Select(t => t!["to"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_deferral_recomputes_every_date_and_keeps_the_history()
    {
        const string area = "E08000033";
        var fieldwork = Steps.NextFieldworkMonday(Platform.Clock, 7);
        var id = (await Platform.ScheduleInspection(area, "Dudley", fieldworkStart: fieldwork))["id"]!.GetValue<Guid>();
        var before = await Platform.Timeline(id);
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);

        // The partnership asks (¶19); another area's partner cannot even see the inspection.
        using (var stranger = Platform.Client(await Platform.Tokens.Partner("E08000025", "local-authority")))
            (await stranger.PostJson($"/api/orchestrator/inspections/{id}/deferral-requests", new { reason = "not ours" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var partner = Platform.Client(await Platform.Tokens.Partner(area, "local-authority"));
        var request = await (await partner.PostJson($"/api/orchestrator/inspections/{id}/deferral-requests",
            new { reason = "Ofsted ILACS visit the same week", proposedFieldworkStart = fieldwork.AddDays(14) })).Expect(HttpStatusCode.Created);
        var requestId = request["id"]!.GetValue<Guid>();

        var newStart = fieldwork.AddDays(21);
        while (!WorkingDayCalendar.England().IsWorkingDay(newStart)) newStart = newStart.AddDays(1);
        // The inspectorates decide (¶19): Ofsted's manager records it (no lead is on this inspection's team yet).
        using var lead = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted"));
        await (await lead.PostJson($"/api/orchestrator/inspections/{id}/deferral-requests/{requestId}/decision",
            new { outcome = "accepted", newFieldworkStart = newStart, reason = "agreed with CQC and HMICFRS", agreedWith = new[] { "cqc", "hmicfrs" } })).Expect(HttpStatusCode.OK);
        await (await lead.PostJson($"/api/orchestrator/inspections/{id}/deferral-requests/{requestId}/decision",
            new { outcome = "refused", agreedWith = new[] { "cqc", "hmicfrs" } })).ExpectProblem(HttpStatusCode.Conflict);

        var after = await Platform.Timeline(id);
        Assert.Equal("deferred", after["status"]!.GetValue<string>());
        Assert.Equal(newStart.ToString("yyyy-MM-dd"), after.Milestone("fieldwork-start")["date"]!.GetValue<string>());
        var calendar = WorkingDayCalendar.England();
        var fieldworkEnd = calendar.AddWorkingDays(newStart, 4);
        Assert.Equal(calendar.AddWorkingDays(fieldworkEnd, 15).ToString("yyyy-MM-dd"), after.Milestone("draft-letter")["date"]!.GetValue<string>());
        Assert.Equal(calendar.AddWorkingDays(newStart, -10).ToString("yyyy-MM-dd"), after.Milestone("notification")["date"]!.GetValue<string>());
        Assert.Null(after.Milestone("notification")["metAt"]);

        var requests = await (await partner.GetAsync($"/api/orchestrator/inspections/{id}/deferral-requests")).Expect(HttpStatusCode.OK);
        var kept = requests[0]!;
        Assert.Equal("accepted", kept["outcome"]!.GetValue<string>());
        Assert.Equal(fieldwork.ToString("yyyy-MM-dd"), kept["previousFieldworkStart"]!.GetValue<string>());
        Assert.Equal(before.Milestone("draft-letter")["date"]!.GetValue<string>(),
            kept["previousTimeline"]!.AsArray().Single(m => m!["key"]!.GetValue<string>() == "draft-letter")!["date"]!.GetValue<string>());

        var history = await (await partner.GetAsync($"/api/orchestrator/inspections/{id}/transitions")).Expect(HttpStatusCode.OK);
        Assert.Equal(["notified", "deferral-requested", "deferred"], history.AsArray().Select(t => t!["to"]!.GetValue<string>()));
        // Only one deferral (¶19): notified again, the partnership cannot ask twice.
        await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        (await partner.PostJson($"/api/orchestrator/inspections/{id}/deferral-requests", new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await Testing.Platform.WaitUntil(async () =>
            (await Platform.CopyHeldBy("cqc", id))["fieldworkStart"]!.GetValue<string>() == newStart.ToString("yyyy-MM-dd"),
            TimeSpan.FromSeconds(20), "CQC's copy to move fieldwork");
    }

    [Fact]
    public async Task The_team_gets_the_timeline_as_an_icalendar_feed()
    {
        var id = (await Platform.ScheduleInspection("E08000034", "Sandwell"))["id"]!.GetValue<Guid>();
        using var cqcManager = Platform.Client(await Platform.Tokens.Staff("manager", "cqc"));
        await (await cqcManager.PutAsJsonAsync($"/api/orchestrator/inspections/{id}/team/cqc-jo",
            new { name = "Jo CQC", inspectorate = "cqc", teamRole = "inspector" }, Api.Json)).Expect(HttpStatusCode.OK);
        (await cqcManager.PutAsJsonAsync($"/api/orchestrator/inspections/{id}/team/ofsted-al",
            new { name = "Al Ofsted", inspectorate = "ofsted", teamRole = "lead-inspector" }, Api.Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var member = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc", "cqc-jo"));
        var response = await member.GetAsync($"/api/orchestrator/inspections/{id}/calendar.ics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;

        var timeline = await Platform.Timeline(id);
        var milestones = timeline["milestones"]!.AsArray();
        Assert.Equal(milestones.Count, calendar.Events.Count);
        var draft = calendar.Events.Single(e => e.Uid == $"{id:N}-draft-letter@jtai");
        Assert.Equal(timeline.Milestone("draft-letter")["dueAt"]!.GetValue<DateTimeOffset>(), new DateTimeOffset(draft.DtStart!.AsUtc, TimeSpan.Zero));
        Assert.Equal("Europe/London", draft.DtStart.TzId);

        using var outsider = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc", "cqc-not-on-team"));
        (await outsider.GetAsync($"/api/orchestrator/inspections/{id}/calendar.ics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The inspectorates hear of the team (they check it themselves before showing records).
        await Testing.Platform.WaitUntil(async () =>
        {
            using var scope = Platform.Services("cqc").CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Jtai.Inspectorate.Data.InspectorateDbContext>();
            return await db.TeamMembers.AnyAsync(m => m.InspectionId == id && m.UserId == "cqc-jo");
        }, TimeSpan.FromSeconds(20), "CQC to hold the team member");
    }
}
