using Jtai.Calendar.WorkingDays;
using System.Net;
using Jtai.Platform.Tests.InformationRequests;
using Jtai.Testing.AnnexA;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>Inspectors in the browser: the Ofsted lead's checklist and case selection, a CQC inspector's evidence record.</summary>
[Collection(WebCollection.Name)]
public sealed class InspectorJourneyTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_Ofsted_lead_sees_the_checklist_tick_opens_the_proposal_and_chooses_the_30_then_5_for_audit()
    {
        var id = await Platform.InspectionWithJointTeam("E08000029", "Solihull");
        var area = new AnnexAFiles(seed: 21, DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime), children: 400);
        using (var la = Platform.Client(await Platform.Tokens.Partner("E08000029", "local-authority")))
        {
            foreach (var (list, rows) in new[] { (1, 600), (2, 200), (3, 300), (4, 200), (5, 120) })
                await (await la.UploadList(id, list, area.List(list, rows).ToCsvBytes())).Expect(HttpStatusCode.Created);
        }

        var page = await fixture.SignedIn("lead-inspector", "ofsted", subject: WebSteps.Lead, name: "Olivia Lead");
        await page.GotoAsync($"/inspections/{id}");
        await page.ReloadUntil(".govuk-task-list__item:has-text('Child-level data list 1')", "Received on time");
        Assert.Contains("Police answers for the 30 children", await page.InnerTextAsync("main"));   // staff see every item
        Assert.Contains("Chris Carer", await page.Locator("table", new() { HasText = "Role on the team" }).InnerTextAsync());
        Assert.True(await page.Locator(".moj-timeline__item").CountAsync() >= 10, "the timeline shows the inspection's milestones");
        await page.ShouldBeAccessible("staff-inspection-summary");

        await page.GetByRole(AriaRole.Link, new() { Name = "Case selection" }).ClickAsync();
        Assert.Equal("Case selection", await page.Heading());
        Assert.Equal(30, await page.Locator("input[name=childIds]:checked").CountAsync());
        Assert.Contains("Level of need", await page.InnerTextAsync("main"));
        await page.ShouldBeAccessible("case-selection-proposal");

        // The lead's choices by keyboard alone (WCAG 2.1.1): Tab to the button past the 30, Enter.
        await page.TabTo("Choose these 30 children", maxTabs: 120);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".govuk-notification-banner");
        Assert.Contains("30 children chosen for the inspection.", await page.Locator(".govuk-notification-banner").InnerTextAsync());

        // Fewer than 5 for audit: the platform refuses, naming the rule (¶99).
        for (var i = 0; i < 3; i++) await page.Locator($"#audit-{i}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose for audit" }).ClickAsync();
        Assert.Contains("There is a problem", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.ShouldBeAccessible("case-selection-audit-error");

        await page.TabTo("audit-0", maxTabs: 120);
        for (var i = 0; i < 5; i++)
        {
            if (!await page.Locator($"#audit-{i}").IsCheckedAsync()) await page.Keyboard.PressAsync("Space");
            await page.Keyboard.PressAsync("Tab");
        }
        await page.TabTo("Choose for audit", maxTabs: 120);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".govuk-notification-banner");
        Assert.Contains("5 children chosen for audit.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("30 children chosen; 5 chosen for audit.", await page.InnerTextAsync("main"));
        await page.ShouldBeAccessible("case-selection-chosen");
    }

    [Fact]
    public async Task A_CQC_inspector_records_an_evidence_record_against_the_frameworks_criteria()
    {
        var id = await Platform.InspectionWithJointTeam("E08000025", "Birmingham");
        var page = await fixture.SignedIn("inspector", "cqc", subject: WebSteps.CqcInspector, name: "Chris Carer");
        await page.GotoAsync($"/inspections/{id}");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Case selection" }).CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "CQC evidence records" }).ClickAsync();
        Assert.Contains("No evidence recorded yet.", await page.InnerTextAsync("main"));
        await page.ShouldBeAccessible("evidence-records-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record evidence" }).ClickAsync();
        Assert.Equal("Record evidence", await page.Heading());
        await page.ShouldBeAccessible("record-evidence");

        // Sent without a date or criteria: the errors are named, each linking to its field.
        await page.Locator("#source-3").CheckAsync();   // interview
        await page.GetByRole(AriaRole.Button, new() { Name = "Save evidence record" }).ClickAsync();
        Assert.Contains("Enter the date the evidence was gathered", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.ShouldBeAccessible("record-evidence-errors");

        // Written up today (a date alone: whatever the hour, never in the future) from yesterday's interview at 10:30.
        var today = LondonTime.Today(Platform.Clock);
        var yesterday = today.AddDays(-1);
        await page.Locator("#gatheredAt-day").FillAsync(today.Day.ToString());
        await page.Locator("#gatheredAt-month").FillAsync(today.Month.ToString());
        await page.Locator("#gatheredAt-year").FillAsync(today.Year.ToString());
        await page.Locator("#meetingAt-day").FillAsync(yesterday.Day.ToString());
        await page.Locator("#meetingAt-month").FillAsync(yesterday.Month.ToString());
        await page.Locator("#meetingAt-year").FillAsync(yesterday.Year.ToString());
        await page.Locator("#meetingTime").FillAsync("10:30");
        await page.GetByLabel("EC1 ", new() { Exact = false }).First.CheckAsync();
        // The criteria filter (where scripts run) narrows the list by code or words; a chosen criterion stays in view.
        var criteria = page.Locator("[data-criterion]");
        var all = await criteria.CountAsync();
        await page.Locator("#criteria-filter").FillAsync("ec5");
        var shown = await page.Locator("[data-criterion]:visible").AllAsync();
        Assert.InRange(shown.Count, 2, all - 1);
        foreach (var item in shown)
            Assert.True((await item.GetAttributeAsync("data-criterion"))!.Contains("EC5", StringComparison.Ordinal) || await item.Locator("input").IsCheckedAsync());
        Assert.True(await page.GetByLabel("EC1 ", new() { Exact = false }).First.IsVisibleAsync(), "the chosen criterion stays in view");
        await page.Locator("#criteria-filter").FillAsync("");
        Assert.Equal(all, await page.Locator("[data-criterion]:visible").CountAsync());
        await page.Locator("#agencies-1").CheckAsync();   // health
        await page.Locator("#text").FillAsync("Interview with the designated nurse: referrals from the emergency department reach the MASH the same day.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save evidence record" }).ClickAsync();

        await page.Reached($"{Platform.WebAddress}inspections/{id}/evidence");
        Assert.Contains("Evidence record saved (Interview, EC1).", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        var table = await page.Locator("table").InnerTextAsync();
        Assert.Contains("designated nurse", table);
        Assert.Contains("Health", table);
        Assert.Contains("Chris Carer", table);
        await page.ShouldBeAccessible("evidence-records");

        // Ofsted's lead, on the same team, sees none of CQC's records: each inspectorate keeps its own.
        using var ofsted = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted", WebSteps.Lead));
        Assert.Empty(await ofsted.AllPages($"/api/ofsted/inspections/{id}/evidence"));
    }
}
