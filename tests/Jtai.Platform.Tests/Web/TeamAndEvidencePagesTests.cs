using System.Net;
using Jtai.Platform.Tests.Evidence;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>Team management (¶10–12) and an evidence record's edit, history and removal of names (¶75–76) in the browser.</summary>
[Collection(WebCollection.Name)]
public sealed class TeamAndEvidencePagesTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_Ofsted_lead_places_and_removes_members_and_a_CQC_manager_is_refused_Ofsteds_place_with_the_platforms_reason()
    {
        var id = await Platform.InspectionWithJointTeam("E08000036", "Wakefield");
        var lead = await fixture.SignedIn("lead-inspector", "ofsted", subject: WebSteps.Lead, name: "Olivia Lead");
        await lead.GotoAsync($"/inspections/{id}");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Inspection team" }).ClickAsync();
        Assert.Equal("Inspection team", await lead.Heading());
        Assert.Contains("Chris Carer", await lead.Locator("table").InnerTextAsync());
        await lead.ShouldBeAccessible("team");

        await lead.GetByRole(AriaRole.Button, new() { Name = "Place on the team" }).ClickAsync();
        Assert.Contains("Enter the person's sign-in subject", await lead.Locator(".govuk-error-summary").InnerTextAsync());
        await lead.Locator("#userId").FillAsync("hmicfrs-wakefield");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Place on the team" }).ClickAsync();
        var errors = await lead.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Enter the person's name", errors);
        Assert.Contains("Select the person's inspectorate", errors);
        Assert.Contains("Select the person's role on the team", errors);
        await lead.ShouldBeAccessible("team-errors");

        await lead.Locator("#name").FillAsync("Harriet Constable");
        await lead.Locator("#inspectorate-2").CheckAsync();
        await lead.Locator("#teamRole-1").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Place on the team" }).ClickAsync();
        Assert.Contains("Harriet Constable is on the team as inspector for HMICFRS.", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("hmicfrs-wakefield", await lead.Locator("table").InnerTextAsync());

        await lead.GetByRole(AriaRole.Button, new() { Name = "Remove Chris Carer" }).ClickAsync();
        Assert.Contains("Chris Carer is no longer on the team.", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.DoesNotContain("Chris Carer", await lead.Locator("table").InnerTextAsync());
        await lead.ShouldBeAccessible("team-changed");

        // CQC's manager places CQC's people only: the platform's refusal is shown beside the form.
        var cqc = await fixture.SignedIn("manager", "cqc", subject: "cqc-manager-wakefield", name: "Cara Manager");
        await cqc.GotoAsync($"/inspections/{id}/team");
        await cqc.Locator("#userId").FillAsync("ofsted-someone");
        await cqc.Locator("#name").FillAsync("Oscar Someone");
        await cqc.Locator("#inspectorate-0").CheckAsync();
        await cqc.Locator("#teamRole-1").CheckAsync();
        await cqc.GetByRole(AriaRole.Button, new() { Name = "Place on the team" }).ClickAsync();
        Assert.Contains("change ofsted's members of the team", await cqc.Locator(".govuk-error-summary").InnerTextAsync());
        Assert.DoesNotContain("ofsted-someone", await cqc.Locator("table").InnerTextAsync());
        await cqc.ShouldBeAccessible("team-refused");
    }

    [Fact]
    public async Task A_CQC_inspector_edits_a_record_sees_its_history_and_removes_the_names_it_holds()
    {
        var id = await Platform.InspectionWithJointTeam("E08000037", "Gateshead");
        using (var cqcApi = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc", WebSteps.CqcInspector)))
            await cqcApi.WriteRecord("cqc", id, EvidenceSteps.Record(Platform.Clock.GetUtcNow(), criteria: ["EC1"], people:
                [new { caseReference = "4471", initials = "A.B.", role = "child", name = "Alex Brown", nameReason = "Needed to find the case file again" }]));

        var page = await fixture.SignedIn("inspector", "cqc", subject: WebSteps.CqcInspector, name: "Chris Carer");
        await page.GotoAsync($"/inspections/{id}/evidence");
        await page.Locator("table a").First.ClickAsync();
        Assert.Equal("Evidence record", await page.Heading());
        Assert.Contains("Alex Brown", await page.InnerTextAsync("main"));
        Assert.Contains("The record has not been edited.", await page.InnerTextAsync("main"));
        await page.ShouldBeAccessible("evidence-record");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit the evidence record" }).ClickAsync();
        Assert.Equal("Edit evidence record", await page.Heading());
        Assert.True(await page.Locator("#criteria-0").IsCheckedAsync(), "the form reads as the record does");
        await page.ShouldBeAccessible("evidence-edit");
        await page.Locator("#text").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.Contains("There is a problem", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.ShouldBeAccessible("evidence-edit-errors");
        await page.Locator("#text").FillAsync("Case ref 4471: the strategy discussion was timely; police attended by phone.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.Contains("Evidence record updated (revision 2).", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("police attended by phone", await page.InnerTextAsync("main"));
        Assert.Contains("Revision 1, replaced", await page.InnerTextAsync("main"));
        Assert.Contains("Alex Brown", await page.InnerTextAsync("main"));   // the people are kept by an edit

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove names" }).ClickAsync();
        Assert.Contains("Names removed from the record and its history.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.DoesNotContain("Alex Brown", await page.InnerTextAsync("main"));
        Assert.Equal(1, await page.Locator("dt", new() { HasText = "Names removed" }).CountAsync());
        await page.ShouldBeAccessible("evidence-names-removed");
    }
}
