using Jtai.Calendar.WorkingDays;
using Jtai.Platform.Tests.Letter;
using Microsoft.Playwright;
using Xunit;
using static Jtai.Platform.Tests.Web.FollowUpForms;

namespace Jtai.Platform.Tests.Web;

/// <summary>
/// Each inspectorate's staff take the steps of their own follow-up from its page (Annex B ¶110–117):
/// the form's problems come from the service and land beside the fields they name; a step the
/// service refuses is said politely on the form.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FollowUpStepPagesTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task An_Ofsted_inspector_takes_the_action_plan_from_request_to_monitoring_records_the_coordination_and_closes_the_follow_up()
    {
        // A priority action for the local authority and the police: Ofsted coordinates the follow-up (¶110).
        var id = (await Platform.AgreedFindings("E08000044", "Walsall", ["local-authority", "police"])).InspectionId;
        var page = await fixture.SignedIn("inspector", "ofsted", subject: "ofsted-inspector-walsall", name: "Ofsted inspector");
        await page.GotoAsync($"/inspections/{id}/follow-up");
        // The DfE is told by the notice sent when the follow-up opens (¶111); then the plan is asked for.
        await page.ReloadUntil("main", "Ask the local authority for its action plan");
        await page.ShouldBeAccessible("follow-up-steps-ofsted");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask the local authority for its action plan" }).ClickAsync();
        Assert.Equal("Ask the local authority for its action plan", await page.Heading());
        await page.ShouldBeAccessible("follow-up-step-form");

        // The letter's date is not known at agreement: the service says so, beside the date.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for the action plan" }).ClickAsync();
        Assert.Contains("letter's date is not known", await ErrorSummary(page));
        await page.ShouldBeAccessible("follow-up-step-service-error");
        await page.Locator(".govuk-error-summary a").First.ClickAsync();
        Assert.Equal("letterDate-day", await FocusedId(page));

        await FillDate(page, "letterDate", "31", "2", "2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for the action plan" }).ClickAsync();
        Assert.Contains("The date of the letter must be a real date", await ErrorSummary(page));

        var letter = LondonTime.Today(Platform.Clock).AddDays(-2);
        await FillDate(page, "letterDate", letter);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for the action plan" }).ClickAsync();
        Assert.Contains("The action plan is asked for", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        var main = await page.InnerTextAsync("main");
        Assert.Contains("Action plan requested", main);
        Assert.Contains("Draft action plan", main);
        Assert.Contains("Final action plan", main);
        await page.ShouldBeAccessible("follow-up-action-plan-requested");

        // Every missing value named in GOV.UK's words, each linking to its field.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an action plan received" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the plan" }).ClickAsync();
        var errors = await ErrorSummary(page);
        Assert.Contains("Select which plan was received", errors);
        Assert.Contains("Enter the date the plan was received", errors);
        Assert.Equal("#stage-0", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        await page.ShouldBeAccessible("follow-up-step-missing");

        // The final plan before the draft is the process's rule, said by the service.
        await page.Locator("#stage-1").CheckAsync();
        await FillDate(page, "receivedOn", LondonTime.Today(Platform.Clock));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the plan" }).ClickAsync();
        Assert.Contains("The draft action plan is expected now, not the final", await ErrorSummary(page));
        Assert.True(await page.Locator("#stage-1").IsCheckedAsync());

        await page.Locator("#stage-0").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the plan" }).ClickAsync();
        Assert.Contains("The action plan is recorded as received.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        main = await page.InnerTextAsync("main");
        Assert.Contains("Action plan received", main);
        Assert.Contains("Record the review of the action plan", main);
        Assert.Contains("Met", await page.Locator("table").First.InnerTextAsync());

        // Reviewed and returned (the reason is required), then the draft again, accepted; the final accepted: monitoring (¶111).
        var today = LondonTime.Today(Platform.Clock);
        await TakeStep(page, "Record the review of the action plan", "Record the review", "The review of the action plan is recorded.",
            () => page.Locator("#notes").FillAsync("The plan does not say who chairs the strategy meetings."));
        await page.GetByRole(AriaRole.Link, new() { Name = "Return the action plan", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Return the plan" }).ClickAsync();
        Assert.Contains("Enter why the plan is returned", await ErrorSummary(page));
        await page.Locator("#reason").FillAsync("Name the chair of the strategy meetings.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Return the plan" }).ClickAsync();
        Assert.Contains("The action plan is returned to the local authority.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await TakeStep(page, "Record an action plan received", "Record the plan", "The action plan is recorded as received.", async () =>
        {
            await page.Locator("#stage-0").CheckAsync();
            await FillDate(page, "receivedOn", today);
        });
        await TakeStep(page, "Record the review of the action plan", "Record the review", "The review of the action plan is recorded.",
            () => page.Locator("#notes").FillAsync("The chair is named."));
        await TakeStep(page, "Accept the action plan", "Accept the plan", "The action plan is accepted.", () => Task.CompletedTask);
        await TakeStep(page, "Record an action plan received", "Record the plan", "The action plan is recorded as received.", async () =>
        {
            await page.Locator("#stage-1").CheckAsync();
            await FillDate(page, "receivedOn", today);
        });
        await TakeStep(page, "Record the review of the action plan", "Record the review", "The review of the action plan is recorded.",
            () => page.Locator("#notes").FillAsync("The final plan keeps the draft's actions."));
        await TakeStep(page, "Accept the action plan", "Accept the plan", "The action plan is accepted.",
            () => page.Locator("#reason").FillAsync("Every action has an owner and a date."));
        Assert.Contains("Monitoring", await page.Locator(".govuk-summary-card__title").InnerTextAsync());

        // The records that may be added while it is open, a coordinated follow-up's among them.
        await TakeStep(page, "Schedule a monitoring visit", "Schedule the visit", "The monitoring visit is scheduled.", async () =>
        {
            await FillDate(page, "on", today.AddDays(30));
            await page.Locator("#focus").FillAsync("Strategy discussions out of hours");
        });
        await page.GetByRole(AriaRole.Link, new() { Name = "Record how the inspectorates coordinate" }).ClickAsync();
        await page.Locator("#sharedWith-0").CheckAsync();
        await page.Locator("#note").FillAsync("Ofsted leads; CQC and HMICFRS join the monitoring visits.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the coordination" }).ClickAsync();
        Assert.Contains("'hmicfrs' is missing", await ErrorSummary(page));
        await page.ShouldBeAccessible("follow-up-ofsted-coordination-errors");
        await page.Locator("#sharedWith-1").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the coordination" }).ClickAsync();
        Assert.Contains("The coordination is recorded.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await TakeStep(page, "Record the letter shared with government departments", "Record the sharing",
            "The letter is recorded as shared with the government departments.", async () =>
            {
                await page.Locator("#departments").FillAsync("Department for Education\nHome Office");
                await FillDate(page, "sharedOn", today);
            });
        await TakeStep(page, "Decide whether to repeat the JTAI", "Record the decision", "The decision on a repeat JTAI is recorded.", async () =>
        {
            await page.Locator("#repeat-1").CheckAsync();
            await page.Locator("#reason").FillAsync("The monitoring visits will show the progress.");
        });

        // What Ofsted keeps of the follow-up, on its page.
        main = await page.InnerTextAsync("main");
        Assert.Contains("Draft plan received", main);
        Assert.Contains("returned: Name the chair of the strategy meetings.", main);
        Assert.Contains("accepted: Every action has an owner and a date.", main);
        Assert.Contains("Strategy discussions out of hours", main);
        Assert.Contains("Shared with CQC, HMICFRS", main);
        Assert.Contains("Department for Education, Home Office on", main);
        Assert.Contains("No: The monitoring visits will show the progress.", main);
        await page.ShouldBeAccessible("follow-up-ofsted-monitoring");

        await TakeStep(page, "Close the follow-up", "Close the follow-up", "The follow-up is closed.",
            () => page.Locator("#decision").FillAsync("The priority action is met: strategy discussions are held the same day."));
        Assert.Contains("None: the follow-up is closed.", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task A_CQC_inspector_schedules_the_management_review_records_its_decision_and_closes_the_action()
    {
        var id = (await Platform.AgreedFindings("E08000045", "Wigan", ["health"])).InspectionId;
        var page = await fixture.SignedIn("inspector", "cqc", subject: "cqc-inspector-wigan", name: "CQC inspector");
        await page.GotoAsync($"/inspections/{id}/follow-up");
        // The manager is notified automatically (¶112); then the meeting is called.
        await page.ReloadUntil("main", "Schedule the management review meeting");
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule the management review meeting" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();
        var errors = await ErrorSummary(page);
        Assert.Contains("Enter the date of the meeting", errors);
        Assert.Contains("Name who attends the management review meeting.", errors);
        await page.ShouldBeAccessible("follow-up-cqc-meeting-errors");

        await FillDate(page, "on", LondonTime.Today(Platform.Clock).AddDays(7));
        await page.Locator("#attendees").FillAsync("Regulation manager\nInspection manager");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();
        Assert.Contains("The management review meeting is scheduled.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Review meeting scheduled", await page.InnerTextAsync("main"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the management review's decision" }).ClickAsync();
        await page.ShouldBeAccessible("follow-up-cqc-decision");
        // No further action cannot be combined with a regulatory response: the service says so by the responses.
        await page.Locator("#responses-0").CheckAsync();
        await page.Locator("#responses-1").CheckAsync();
        await page.Locator("#reasons").FillAsync("Health partners do not attend strategy discussions.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        Assert.Contains("cannot be combined with a regulatory response", await ErrorSummary(page));
        Assert.Equal("Health partners do not attend strategy discussions.", await page.Locator("#reasons").InputValueAsync());

        // Enforcement names its action under CQC's enforcement policy (¶113).
        await page.Locator("#responses-0").UncheckAsync();
        await page.Locator("#responses-3").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        Assert.Contains("Enforcement names its action", await ErrorSummary(page));
        await page.Locator("#enforcement-1").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        Assert.Contains("The management review's decision is recorded.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        var review = await page.InnerTextAsync("main");
        Assert.Contains("Actions in progress", review);
        Assert.Contains("Meeting with providers, Enforcement, Warning notice", review);
        await page.ShouldBeAccessible("follow-up-cqc-actions");

        await page.GetByRole(AriaRole.Link, new() { Name = "Close the meeting with providers action" }).ClickAsync();
        Assert.Equal("Close the meeting with providers action", await page.Heading());
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the action" }).ClickAsync();
        Assert.Contains("Enter the outcome", await ErrorSummary(page));
        await page.Locator("#outcome").FillAsync("Providers agreed to attend every strategy discussion.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the action" }).ClickAsync();
        Assert.Contains("Meeting with providers: closed (Providers agreed to attend every strategy discussion.)", await page.InnerTextAsync("main"));
        await TakeStep(page, "Close the warning notice action", "Close the action", "The action is closed.",
            () => page.Locator("#outcome").FillAsync("The trust met the warning notice's terms."));
        var main = await page.InnerTextAsync("main");
        Assert.Contains("Warning notice: closed (The trust met the warning notice's terms.)", main);
        Assert.Contains("None: the follow-up is closed.", main);
    }

    [Fact]
    public async Task An_HMICFRS_inspector_reports_the_cause_of_concern_and_is_told_politely_that_only_the_HMI_sets_the_improvement_required()
    {
        var id = (await Platform.AgreedFindings("E08000046", "Dudley South", ["police"])).InspectionId;
        var inspector = await fixture.SignedIn("inspector", "hmicfrs", subject: "hmicfrs-inspector-dudley", name: "HMICFRS inspector");
        await inspector.GotoAsync($"/inspections/{id}/follow-up");
        await inspector.ReloadUntil("main", "Report the cause of concern");
        await inspector.GetByRole(AriaRole.Link, new() { Name = "Report the cause of concern" }).ClickAsync();

        await inspector.Locator("#concern").FillAsync("Out-of-hours referrals wait too long for a strategy discussion.");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Report the cause of concern" }).ClickAsync();
        Assert.Contains("A cause of concern is always accompanied by one or more recommendations.", await ErrorSummary(inspector));
        Assert.Equal("#recommendations", await inspector.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));

        await inspector.Locator("#recommendations").FillAsync("The force should staff its out-of-hours MASH desk.\nThe force should audit strategy discussions monthly.");
        await FillDate(inspector, "reportPublishedOn", LondonTime.Today(Platform.Clock).AddDays(-1));
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Report the cause of concern" }).ClickAsync();
        Assert.Contains("The cause of concern is reported", await inspector.Locator(".govuk-notification-banner").InnerTextAsync());
        var main = await inspector.InnerTextAsync("main");
        Assert.Contains("Scan", main);
        Assert.Contains("Local policing body comments", main);
        await inspector.ShouldBeAccessible("follow-up-hmicfrs-scan");

        // Only the HMI sets the improvement required (¶116): the service refuses, the form says so.
        await inspector.GetByRole(AriaRole.Link, new() { Name = "Set the improvement required" }).ClickAsync();
        await inspector.Locator("#improvement").FillAsync("Every out-of-hours referral has a strategy discussion within 24 hours.");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Set it" }).ClickAsync();
        Assert.Contains("HMICFRS does not let you take this step", await ErrorSummary(inspector));
        Assert.Equal("Every out-of-hours referral has a strategy discussion within 24 hours.", await inspector.Locator("#improvement").InputValueAsync());
        await inspector.ShouldBeAccessible("follow-up-hmicfrs-refused");
        var stepUrl = inspector.Url;

        // The force is not responding (¶115): engage, where the HMI sets the improvement required.
        await inspector.GotoAsync($"/inspections/{id}/follow-up");
        await inspector.GetByRole(AriaRole.Link, new() { Name = "Escalate to engage" }).ClickAsync();
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Escalate" }).ClickAsync();
        var errors = await ErrorSummary(inspector);
        Assert.Contains("Select why the force moves to engage", errors);
        Assert.Contains("Enter the detail", errors);
        await inspector.Locator("#reason-0").CheckAsync();
        await inspector.Locator("#detail").FillAsync("No reply to the cause of concern after eight weeks.");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Escalate" }).ClickAsync();
        Assert.Contains("The force is in engage.", await inspector.Locator(".govuk-notification-banner").InnerTextAsync());

        // Another inspectorate's staff cannot take HMICFRS's steps: Ofsted's service knows no such follow-up.
        var ofsted = await fixture.SignedIn("inspector", "ofsted", subject: "ofsted-inspector-dudley", name: "Ofsted inspector");
        var response = await ofsted.GotoAsync(stepUrl[..stepUrl.LastIndexOf('/')] + "/close");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await ofsted.Heading());

        var hmi = await fixture.SignedIn("hmi", "hmicfrs", subject: "hmicfrs-hmi-dudley", name: "HMICFRS HMI");
        await hmi.GotoAsync(stepUrl);
        await hmi.Locator("#improvement").FillAsync("Every out-of-hours referral has a strategy discussion within 24 hours.");
        await hmi.GetByRole(AriaRole.Button, new() { Name = "Set it" }).ClickAsync();
        Assert.Contains("The improvement required is set.", await hmi.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Improvement required", await hmi.InnerTextAsync("main"));

        // Engage (¶116–117): the HMI's meeting, then the root cause analysis, the improvement plan formulated from it, a revisit,
        // the policing body's comments; disengaged against the improvement set, then closed.
        var today = LondonTime.Today(Platform.Clock);
        await hmi.GetByRole(AriaRole.Link, new() { Name = "Record the improvement plan" }).ClickAsync();
        await FillDate(hmi, "receivedOn", today);
        await hmi.Locator("#summary").FillAsync("A staffed out-of-hours desk from next month.");
        await hmi.GetByRole(AriaRole.Button, new() { Name = "Record it" }).ClickAsync();
        Assert.Contains("The improvement plan is formulated from the root cause analysis: record it first.", await ErrorSummary(hmi));
        await hmi.GotoAsync($"/inspections/{id}/follow-up");
        await TakeStep(hmi, "Record the HMI's meeting", "Record the meeting", "The HMI's meeting is recorded.", async () =>
        {
            await FillDate(hmi, "heldOn", today.AddDays(-1));
            await hmi.Locator("#chiefConstable").FillAsync("Chief Constable Sam Reed");
            await hmi.Locator("#policeAndCrimeCommissioner").FillAsync("PCC Alex Moss");
            await hmi.Locator("#actionsIdentified").FillAsync("Staff the out-of-hours desk.");
        });
        await TakeStep(hmi, "Record the root cause analysis", "Record it", "The root cause analysis is recorded.", async () =>
        {
            await FillDate(hmi, "receivedOn", today);
            await hmi.Locator("#summary").FillAsync("The desk was cut in last year's budget.");
        });
        await TakeStep(hmi, "Record the improvement plan", "Record it", "The improvement plan is recorded.", async () =>
        {
            await FillDate(hmi, "receivedOn", today);
            await hmi.Locator("#summary").FillAsync("A staffed out-of-hours desk from next month.");
        });
        await TakeStep(hmi, "Schedule a revisit", "Schedule it", "The revisit is scheduled.", async () =>
        {
            await FillDate(hmi, "on", today.AddDays(60));
            await hmi.Locator("#kind-0").CheckAsync();
            await hmi.Locator("#focus").FillAsync("Out-of-hours strategy discussions");
        });
        await TakeStep(hmi, "Record the local policing body's comments", "Record them", "The local policing body's comments are recorded.",
            () => FillDate(hmi, "publishedOn", today));
        main = await hmi.InnerTextAsync("main");
        Assert.Contains("with Chief Constable Sam Reed and PCC Alex Moss: Staff the out-of-hours desk.", main);
        Assert.Contains("The desk was cut in last year's budget.", main);
        Assert.Contains("A staffed out-of-hours desk from next month.", main);
        Assert.Contains("Not responding: No reply to the cause of concern after eight weeks.", main);
        Assert.Contains("Out-of-hours strategy discussions", main);
        await hmi.ShouldBeAccessible("follow-up-hmicfrs-engage");

        await TakeStep(hmi, "Disengage", "Disengage", "The force is disengaged.", async () =>
        {
            await FillDate(hmi, "on", today);
            await hmi.Locator("#decision").FillAsync("The improvement required is met.");
            await hmi.Locator("#evidence").FillAsync("Every out-of-hours referral last month had a strategy discussion within 24 hours.");
        });
        await TakeStep(hmi, "Close the monitoring", "Close", "The monitoring is closed.", async () =>
        {
            await FillDate(hmi, "on", today);
            await hmi.Locator("#decision").FillAsync("Monitoring ends.");
            await hmi.Locator("#evidence").FillAsync("The revisit found the desk staffed.");
        });
        main = await hmi.InnerTextAsync("main");
        Assert.Contains("The improvement required is met. (evidence:", main);
        Assert.Contains("None: the follow-up is closed.", main);
    }

    private static Task<string> FocusedId(IPage page) => page.EvaluateAsync<string>("document.activeElement?.id || ''");
}
