using System.Net;
using Jtai.Calendar.WorkingDays;
using Jtai.Hmicfrs.Data;
using Jtai.Inspectorate.FollowUp;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.FollowUp;

/// <summary>Each inspectorate follows up the priority actions for its own agency, its own way (Annex B ¶110–117).</summary>
[Collection(PlatformCollection.Name)]
public sealed class FollowUpTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Each_agency_s_priority_action_is_followed_up_by_its_own_inspectorate_and_the_orchestrator_shows_them_together()
    {
        var inspectionId = Guid.NewGuid();
        var forLocalAuthority = FollowUpSteps.PriorityAction(Platform, ["local-authority"], inspectionId: inspectionId);
        var forHealth = FollowUpSteps.PriorityAction(Platform, ["health"], inspectionId: inspectionId);
        var forPolice = FollowUpSteps.PriorityAction(Platform, ["police"], inspectionId: inspectionId);
        var forTheMasa = FollowUpSteps.PriorityAction(Platform, ["masa"], inspectionId: inspectionId);
        foreach (var action in new[] { forLocalAuthority, forHealth, forPolice, forTheMasa }) await Platform.Publish(action);

        var ofsted = await Platform.FollowUpOf("ofsted", forLocalAuthority);
        // It opens waiting for the DfE to be informed; the notice to the DfE may already have been delivered.
        Assert.Equal(("ilacs-action-plan", "dfe-to-be-informed", false),
            (ofsted["process"]!.GetValue<string>(), ofsted["history"]!.AsArray()[0]!["to"]!.GetValue<string>(), ofsted["coordinated"]!.GetValue<bool>()));
        var cqc = await Platform.FollowUpOf("cqc", forHealth);
        Assert.Equal("management-review", cqc["process"]!.GetValue<string>());
        var hmicfrs = await Platform.FollowUpOf("hmicfrs", forPolice);
        Assert.Equal(("force-monitoring", "cause-of-concern-to-be-reported"), (hmicfrs["process"]!.GetValue<string>(), hmicfrs.State()));
        // The MASA's priority action is followed up by all three, coordinated (¶110).
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" })
            Assert.True((await Platform.FollowUpOf(inspectorate, forTheMasa))["coordinated"]!.GetValue<bool>());

        // Nobody follows up another agency's priority action: three single-agency ones + the MASA's in each service.
        // A row is whole once its FollowUpOpened is summarised: a later step (CQC's automatic manager
        // notification) may arrive first on its own queue and start the row.
        var rows = await Platform.JointSummaryOf(inspectionId, r => r.Count == 6 && r.All(x => x!["openedAt"] is not null),
            "six opened follow-ups in the joint summary");
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" })
        {
            using var staff = Platform.Client(await Platform.Tokens.Staff("inspector", inspectorate));
            var own = await staff.AllPages($"/api/{inspectorate}/follow-ups?inspectionId={inspectionId}");
            Assert.Equal(2, own.Count);
            Assert.Equal(2, rows.Count(r => r!["inspectorate"]!.GetValue<string>() == inspectorate));
        }
        Assert.Equal(3, rows.Count(r => r!["coordinated"]!.GetValue<bool>()));

        // The summary is for inspectorate staff, not for partners.
        using var partner = Platform.Client(await Platform.Tokens.Partner("E09000001", "local-authority"));
        (await partner.GetAsync($"/api/orchestrator/inspections/{inspectionId}/follow-ups")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_CQC_manager_is_notified_immediately_with_no_user_action()
    {
        var action = FollowUpSteps.PriorityAction(Platform, ["health"]);
        await Platform.Publish(action);

        var opened = await Platform.FollowUpOf("cqc", action);
        // The notice to the manager is queued on opening; the manager is notified when it is delivered (¶112).
        var mail = await Platform.Mail.WaitForMail("jtai-inspection-manager@cqc.org.uk", m => m.Body.Contains(opened.Id().ToString()));
        Assert.Equal("cqc@jtai.localhost", mail.From);
        Assert.Contains(action.Text, mail.Body);
        var followUp = await Platform.WaitForState("cqc", opened.Id(), "manager-notified");
        var notification = followUp["details"]!["managerNotification"]!;
        Assert.Equal("CQC children's services inspection manager", notification["manager"]!.GetValue<string>());
        var notifiedAt = notification["notifiedAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(notifiedAt, followUp["openedAt"]!.GetValue<DateTimeOffset>(), Platform.Clock.GetUtcNow());
        var step = followUp["history"]!.AsArray().Single(s => s!["step"]!.GetValue<string>() == "notify-manager")!;
        Assert.Equal("system", step["by"]!.GetValue<string>());

        var summary = await Platform.JointSummaryOf(action.InspectionId, r => r.Count == 1 && r[0]!["state"]!.GetValue<string>() == "manager-notified",
            "the orchestrator to show the manager notified");
        Assert.Equal("notify-manager", summary[0]!["lastStep"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_event_delivered_twice_makes_one_follow_up()
    {
        var action = FollowUpSteps.PriorityAction(Platform, ["police"]);
        var messageId = NewId.NextGuid();
        await Platform.Publish(action, messageId, times: 2);
        // And the same priority action published again as a new message.
        await Platform.Publish(action);

        await Platform.FollowUpOf("hmicfrs", action);
        await Testing.Platform.WaitUntil(async () =>
                (await Platform.Infrastructure.Management.Peek(Platform.Vhost, "hmicfrs-priority-action-identified", 1)).Count == 0,
            TimeSpan.FromSeconds(10), "every delivery to be consumed");
        await using var scope = Platform.Services("hmicfrs").CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HmicfrsDbContext>();
        Assert.Equal(1, await db.Set<FollowUpCase>().CountAsync(f => f.PriorityActionId == action.PriorityActionId));
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == messageId));
    }

    [Fact]
    public async Task Hmicfrs_moves_from_scan_to_engage_to_disengaged_only_through_its_guards()
    {
        var published = Platform.Today().AddDays(-3);
        var action = FollowUpSteps.PriorityAction(Platform, ["police"], publishedDate: published);
        await Platform.Publish(action);
        var id = (await Platform.FollowUpOf("hmicfrs", action)).Id();
        using var inspector = Platform.Client(await Platform.Tokens.Staff("inspector", "hmicfrs"));
        using var hmi = Platform.Client(await Platform.Tokens.Staff("hmi", "hmicfrs"));
        var path = $"/api/hmicfrs/follow-ups/{id}";

        // A cause of concern is refused without a recommendation.
        var refused = await (await inspector.PostJson($"{path}/cause-of-concern", new { concern = "Out-of-hours referrals wait", recommendations = Array.Empty<string>() }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(refused["errors"]!["recommendations"]);
        var scan = await (await inspector.PostJson($"{path}/cause-of-concern", new
        {
            concern = "Out-of-hours referrals wait for a strategy discussion",
            recommendations = new[] { "The force should staff its out-of-hours MASH desk." },
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("scan", scan.State());
        // The local policing body's comments fall due 56 days after the report (Police Act 1996 s55).
        Assert.Equal(published.AddDays(56), scan.Deadline("local-policing-body-comments")["dueOn"]!.Date());

        // No engage without its reason; no disengage from scan.
        var noReason = await (await inspector.PostJson($"{path}/escalate-to-engage", new { detail = "No progress at review" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        var early = await (await hmi.PostJson($"{path}/disengage", new { on = Platform.Today(), decision = "Improved", evidence = "Audit" }))
            .ExpectProblem(HttpStatusCode.Conflict);
        Assert.Equal("follow-up-transition", early["rule"]!.GetValue<string>());

        var engage = await (await inspector.PostJson($"{path}/escalate-to-engage", new { reason = "not-responding", detail = "No progress at the quarterly review" }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("engage", engage.State());
        (await (await inspector.PostJson($"{path}/hmi-meeting", new
        {
            heldOn = Platform.Today(), chiefConstable = "Chief Constable", policeAndCrimeCommissioner = "PCC",
            actionsIdentified = "Staff the out-of-hours desk; audit waiting times",
        })).Expect(HttpStatusCode.OK))["details"]!["hmiMeetingOn"]!.Date().ShouldEqual(Platform.Today());
        // The improvement plan comes from the root cause analysis.
        (await (await inspector.PostJson($"{path}/improvement-plan", new { receivedOn = Platform.Today(), summary = "Plan" })).ExpectProblem(HttpStatusCode.Conflict))
            ["rule"]!.GetValue<string>().ShouldEqual("root-cause-analysis-first");
        await (await inspector.PostJson($"{path}/root-cause-analysis", new { receivedOn = Platform.Today(), summary = "Rota gaps" })).Expect(HttpStatusCode.OK);
        await (await inspector.PostJson($"{path}/improvement-plan", new { receivedOn = Platform.Today(), summary = "Recruit six officers" })).Expect(HttpStatusCode.OK);

        // Only the HMI sets the improvement required and disengages, and not before setting it; the decision needs its evidence.
        (await inspector.PostJson($"{path}/improvement-required", new { improvement = "Waits under 4 hours" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await hmi.PostJson($"{path}/disengage", new { on = Platform.Today(), decision = "Improved", evidence = "Audit" })).ExpectProblem(HttpStatusCode.Conflict))
            ["rule"]!.GetValue<string>().ShouldEqual("improvement-required-not-set");
        await (await hmi.PostJson($"{path}/improvement-required", new { improvement = "Waits under 4 hours for three months" })).Expect(HttpStatusCode.OK);
        var noEvidence = await (await hmi.PostJson($"{path}/disengage", new { on = Platform.Today(), decision = "Improved" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(noEvidence["errors"]!["evidence"]);
        var disengaged = await (await hmi.PostJson($"{path}/disengage", new
        {
            on = Platform.Today(), decision = "The force meets the improvement required", evidence = "Three months of waiting-time audits",
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("disengaged", disengaged.State());
        Assert.Equal("hmicfrs-hmi", disengaged["details"]!["disengagedBy"]!.GetValue<string>());

        var revisit = await (await inspector.PostJson($"{path}/revisits", new { on = Platform.Today().AddDays(90), kind = "revisit", focus = "Out-of-hours referrals" }))
            .Expect(HttpStatusCode.OK);
        Assert.Single(revisit["details"]!["revisits"]!.AsArray());
        var comments = await (await inspector.PostJson($"{path}/policing-body-comments", new { publishedOn = Platform.Today() })).Expect(HttpStatusCode.OK);
        Assert.Equal("met", comments.Deadline("local-policing-body-comments")["status"]!.GetValue<string>());

        Assert.Equal(["opened", "report-cause-of-concern", "escalate-to-engage", "hmi-meeting", "root-cause-analysis", "improvement-plan",
            "improvement-required", "disengage", "revisit-scheduled", "policing-body-comments-published"], comments.Steps());
        await Platform.JointSummaryOf(action.InspectionId, r => r.Count == 1 && r[0]!["state"]!.GetValue<string>() == "disengaged",
            "the orchestrator to show the force disengaged");
    }

    [Fact]
    public async Task A_CQC_user_cannot_change_an_HMICFRS_follow_up()
    {
        var action = FollowUpSteps.PriorityAction(Platform, ["police"], publishedDate: Platform.Today());
        await Platform.Publish(action);
        var id = (await Platform.FollowUpOf("hmicfrs", action)).Id();
        var body = new { concern = "Concern", recommendations = new[] { "Recommendation" } };

        var cqcManager = await Platform.Tokens.Staff("manager", "cqc");
        using (var gateway = Platform.Client(cqcManager))
            (await gateway.PostJson($"/api/hmicfrs/follow-ups/{id}/cause-of-concern", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var direct = Platform.DirectClient("hmicfrs", cqcManager))
        {
            (await direct.PostJson($"/api/hmicfrs/follow-ups/{id}/cause-of-concern", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await direct.GetAsync($"/api/hmicfrs/follow-ups/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        // A police partner cannot change it either, even straight at the service.
        using (var partner = Platform.DirectClient("hmicfrs", await Platform.Tokens.Partner(action.LocalAreaCode, "police")))
            (await partner.PostJson($"/api/hmicfrs/follow-ups/{id}/cause-of-concern", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        Assert.Equal("cause-of-concern-to-be-reported", (await Platform.Read("hmicfrs", id)).State());
    }

    [Fact]
    public async Task Ofsted_informs_the_DfE_and_tracks_the_ILACS_action_plan_from_draft_to_monitoring()
    {
        var letter = Platform.Today().AddDays(-2);
        var action = FollowUpSteps.PriorityAction(Platform, ["local-authority"], letterDate: letter);
        await Platform.Publish(action);
        var id = (await Platform.FollowUpOf("ofsted", action)).Id();
        using var ofsted = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var path = $"/api/ofsted/follow-ups/{id}";

        // Ofsted informs the DfE (¶111) by a notice queued when the follow-up opened: informed once it is delivered.
        var mail = await Platform.Mail.WaitForMail("jtai-priority-actions@education.gov.uk", m => m.Body.Contains(id.ToString()));
        Assert.Equal("ofsted@jtai.localhost", mail.From);
        Assert.Contains(action.Text, mail.Body);
        var informed = await Platform.WaitForState("ofsted", id, "dfe-informed");
        Assert.NotNull(informed["details"]!["dfeInformedAt"]);
        Assert.Equal("system", informed["details"]!["dfeInformedBy"]!.GetValue<string>());
        (await (await ofsted.PostJson($"{path}/dfe-informed", new { contact = "DfE regions group" })).ExpectProblem(HttpStatusCode.Conflict))["rule"]!
            .GetValue<string>().ShouldEqual("follow-up-transition");

        var requested = await (await ofsted.PostJson($"{path}/action-plan/request", new { })).Expect(HttpStatusCode.OK);
        var england = WorkingDayCalendar.England();
        Assert.Equal(england.AddWorkingDays(letter, 20), requested.Deadline("draft-action-plan")["dueOn"]!.Date());
        Assert.Equal(england.AddWorkingDays(letter, 70), requested.Deadline("final-action-plan")["dueOn"]!.Date());

        // The final plan is not taken before the draft is accepted; a returned draft comes back.
        (await (await ofsted.PostJson($"{path}/action-plan/received", new { stage = "final", receivedOn = Platform.Today() })).ExpectProblem(HttpStatusCode.Conflict))
            ["rule"]!.GetValue<string>().ShouldEqual("action-plan-stage");
        await (await ofsted.PostJson($"{path}/action-plan/received", new { stage = "draft", receivedOn = Platform.Today() })).Expect(HttpStatusCode.OK);
        await (await ofsted.PostJson($"{path}/action-plan/reviewed", new { notes = "Does not address out-of-hours cover" })).Expect(HttpStatusCode.OK);
        await (await ofsted.PostJson($"{path}/action-plan/returned", new { reason = "Add out-of-hours cover" })).Expect(HttpStatusCode.OK);
        await (await ofsted.PostJson($"{path}/action-plan/received", new { stage = "draft", receivedOn = Platform.Today() })).Expect(HttpStatusCode.OK);
        await (await ofsted.PostJson($"{path}/action-plan/reviewed", new { notes = "Addresses each finding" })).Expect(HttpStatusCode.OK);
        var draftAccepted = await (await ofsted.PostJson($"{path}/action-plan/accepted", new { })).Expect(HttpStatusCode.OK);
        Assert.Equal("draft-accepted", draftAccepted.State());
        Assert.Equal("met", draftAccepted.Deadline("draft-action-plan")["status"]!.GetValue<string>());
        Assert.Equal("pending", draftAccepted.Deadline("final-action-plan")["status"]!.GetValue<string>());

        await (await ofsted.PostJson($"{path}/action-plan/received", new { stage = "final", receivedOn = Platform.Today() })).Expect(HttpStatusCode.OK);
        await (await ofsted.PostJson($"{path}/action-plan/reviewed", new { notes = "Final plan agreed" })).Expect(HttpStatusCode.OK);
        var monitoring = await (await ofsted.PostJson($"{path}/action-plan/accepted", new { })).Expect(HttpStatusCode.OK);
        Assert.Equal("monitoring", monitoring.State());
        var visit = await (await ofsted.PostJson($"{path}/monitoring-visits", new { on = Platform.Today().AddDays(60), focus = "Front door" })).Expect(HttpStatusCode.OK);
        Assert.Single(visit["details"]!["monitoringVisits"]!.AsArray());
        Assert.Equal(3, visit["details"]!["actionPlans"]!.AsArray().Count);

        // A single-agency follow-up has no coordination across inspectorates.
        (await (await ofsted.PostJson($"{path}/coordination", new { sharedWith = new[] { "cqc", "hmicfrs" }, note = "n" })).ExpectProblem(HttpStatusCode.Conflict))
            ["rule"]!.GetValue<string>().ShouldEqual("not-coordinated");
        await Platform.JointSummaryOf(action.InspectionId, r => r.Count == 1 && r[0]!["state"]!.GetValue<string>() == "monitoring",
            "the orchestrator to show Ofsted monitoring");
    }

    [Fact]
    public async Task Ofsted_coordinates_a_multi_agency_priority_action_and_shares_the_letter_before_publication()
    {
        var publication = Platform.Today().AddDays(-1);
        var action = FollowUpSteps.PriorityAction(Platform, ["local-authority", "police"], letterDate: Platform.Today().AddDays(-4), publishedDate: publication);
        await Platform.Publish(action);
        var id = (await Platform.FollowUpOf("ofsted", action)).Id();
        // The system takes the inform-dfe step once the DfE's notice is delivered; a step taken meanwhile would be refused as stale.
        await Platform.WaitForState("ofsted", id, "dfe-informed");
        using var ofsted = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted"));
        var path = $"/api/ofsted/follow-ups/{id}";

        var missing = await (await ofsted.PostJson($"{path}/coordination", new { sharedWith = new[] { "cqc" }, note = "Joint approach" })).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["sharedWith"]);
        await (await ofsted.PostJson($"{path}/coordination", new { sharedWith = new[] { "cqc", "hmicfrs" }, note = "Ofsted leads; HMICFRS monitors the force" }))
            .Expect(HttpStatusCode.OK);
        (await (await ofsted.PostJson($"{path}/letter-shared-with-departments", new { departments = new[] { "DfE", "Home Office" }, sharedOn = publication }))
            .ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>().ShouldEqual("letter-shared-before-publication");
        await (await ofsted.PostJson($"{path}/letter-shared-with-departments", new { departments = new[] { "DfE", "Home Office", "DHSC" }, sharedOn = publication.AddDays(-2) }))
            .Expect(HttpStatusCode.OK);
        var decided = await (await ofsted.PostJson($"{path}/repeat-jtai-decision", new { repeat = true, reason = "Systemic failure across agencies" })).Expect(HttpStatusCode.OK);
        var coordination = decided["details"]!["coordination"]!;
        Assert.Equal(["cqc", "hmicfrs"], coordination["sharedWith"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(3, coordination["letterSharedWithDepartments"]!.AsArray().Count);
        Assert.True(coordination["repeatJtai"]!.GetValue<bool>());
        // HMICFRS follows the same coordinated action up too.
        Assert.True((await Platform.FollowUpOf("hmicfrs", action))["coordinated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Cqc_s_management_review_decides_with_reasons_and_tracks_each_action_to_closure()
    {
        var action = FollowUpSteps.PriorityAction(Platform, ["health"]);
        await Platform.Publish(action);
        var id = (await Platform.FollowUpOf("cqc", action)).Id();
        await Platform.WaitForState("cqc", id, "manager-notified");
        using var cqc = Platform.Client(await Platform.Tokens.Staff("manager", "cqc"));
        var path = $"/api/cqc/follow-ups/{id}";

        (await (await cqc.PostJson($"{path}/decision", new { responses = new[] { "follow-up-visit" }, reasons = "r" })).ExpectProblem(HttpStatusCode.Conflict))
            ["rule"]!.GetValue<string>().ShouldEqual("follow-up-transition");
        var scheduled = await (await cqc.PostJson($"{path}/management-review-meeting", new
        {
            on = Platform.Today().AddDays(2), attendees = new[] { "Inspection manager", "Regulation team lead", "Lead CQC inspector" },
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("review-meeting-scheduled", scheduled.State());
        Assert.Equal("pending", scheduled.Deadline("management-review-meeting")["status"]!.GetValue<string>());

        var invalid = await (await cqc.PostJson($"{path}/decision", new { responses = new[] { "enforcement", "no-further-action" }, enforcement = new[] { "fine" } }))
            .ExpectProblem(HttpStatusCode.BadRequest);
        var errors = invalid["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("responses") && errors.ContainsKey("enforcement[0]") && errors.ContainsKey("reasons"));

        var decided = await (await cqc.PostJson($"{path}/decision", new
        {
            responses = new[] { "meeting-with-providers", "enforcement" }, enforcement = new[] { "warning-notice" },
            reasons = "Safeguarding referrals from the emergency department are not followed up",
            criminalRoutesNoted = "None at present",
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("actions-in-progress", decided.State());
        Assert.Equal("met", decided.Deadline("management-review-meeting")["status"]!.GetValue<string>());
        var actions = decided["details"]!["actions"]!.AsArray();
        Assert.Equal(["meeting-with-providers", "warning-notice"], actions.Select(a => a!["kind"]!.GetValue<string>()).Order());

        var first = await (await cqc.PostJson($"{path}/actions/{actions[0]!["id"]}/close", new { outcome = "Done" })).Expect(HttpStatusCode.OK);
        Assert.Equal("actions-in-progress", first.State());
        (await cqc.PostJson($"{path}/actions/{actions[0]!["id"]}/close", new { outcome = "Again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var closed = await (await cqc.PostJson($"{path}/actions/{actions[1]!["id"]}/close", new { outcome = "Warning notice served" })).Expect(HttpStatusCode.OK);
        Assert.Equal("closed", closed.State());
    }

    [Fact]
    public async Task No_further_action_closes_the_cqc_follow_up_at_once_and_the_summary_shows_the_last_step()
    {
        var action = FollowUpSteps.PriorityAction(Platform, ["health"]);
        await Platform.Publish(action);
        var id = (await Platform.FollowUpOf("cqc", action)).Id();
        await Platform.WaitForState("cqc", id, "manager-notified");
        using var cqc = Platform.Client(await Platform.Tokens.Staff("manager", "cqc"));
        await (await cqc.PostJson($"/api/cqc/follow-ups/{id}/management-review-meeting", new { on = Platform.Today(), attendees = new[] { "Inspection manager" } }))
            .Expect(HttpStatusCode.OK);
        var closed = await (await cqc.PostJson($"/api/cqc/follow-ups/{id}/decision", new
        {
            responses = new[] { "no-further-action" }, reasons = "The provider has already put out-of-hours cover in place",
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("closed", closed.State());
        Assert.Empty(closed["details"]!["actions"]!.AsArray());
        Assert.Empty(closed["nextSteps"]!.AsArray());

        // Two steps in one request: whatever order they arrive in, the summary ends on the last one.
        var rows = await Platform.JointSummaryOf(action.InspectionId, r => r.Count == 1 && r[0]!["lastStep"]!.GetValue<string>() == "close",
            "the orchestrator to show the follow-up closed");
        Assert.Equal("closed", rows[0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_partner_sees_only_the_follow_ups_addressed_to_its_own_area_and_agency()
    {
        var police = FollowUpSteps.PriorityAction(Platform, ["police"], area: "E08000031", publishedDate: Platform.Today());
        var otherArea = FollowUpSteps.PriorityAction(Platform, ["police"], area: "E08000032", publishedDate: Platform.Today());
        await Platform.Publish(police);
        await Platform.Publish(otherArea);
        var id = (await Platform.FollowUpOf("hmicfrs", police)).Id();
        await Platform.FollowUpOf("hmicfrs", otherArea);
        using (var hmicfrs = Platform.Client(await Platform.Tokens.Staff("inspector", "hmicfrs")))
            await (await hmicfrs.PostJson($"/api/hmicfrs/follow-ups/{id}/cause-of-concern", new
            {
                concern = "Referrals wait", recommendations = new[] { "Staff the out-of-hours desk" },
            })).Expect(HttpStatusCode.OK);

        using var force = Platform.Client(await Platform.Tokens.Partner("E08000031", "police"));
        var seen = await force.AllPages("/api/hmicfrs/partner/follow-ups");
        var only = Assert.Single(seen)!;
        Assert.Equal(id, only["id"]!.GetValue<Guid>());
        Assert.Equal("Staff the out-of-hours desk", only["addressedToYou"]!["recommendations"]![0]!.GetValue<string>());
        Assert.Null(only["history"]);

        // The same area's health partner is not addressed by the force's cause of concern.
        using var health = Platform.Client(await Platform.Tokens.Partner("E08000031", "health"));
        Assert.Empty(await health.AllPages("/api/hmicfrs/partner/follow-ups"));
        // And partners have no route to the staff endpoints.
        (await force.GetAsync($"/api/hmicfrs/follow-ups/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

internal static class Should
{
    public static void ShouldEqual<T>(this T actual, T expected) => Assert.Equal(expected, actual);
}
