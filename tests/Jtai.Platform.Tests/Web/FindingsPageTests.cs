using System.Net;
using Jtai.Platform.Tests.Evidence;
using Microsoft.Playwright;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Web;

/// <summary>The findings register in the browser (¶77–81): recorded, linked to the shared record, confirmed by QA, agreed.</summary>
[Collection(WebCollection.Name)]
public sealed class FindingsPageTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_lead_records_a_finding_links_it_to_an_evaluative_summary_QA_confirms_and_the_lead_agrees()
    {
        var lead = new Member("lead-E08000038", "ofsted", "lead-inspector");
        var qa = new Member("qa-E08000038", "ofsted", "qa-manager");
        var id = await Platform.InspectionWithTeam("E08000038", "Kirklees south", lead, qa);
        using (var leadApi = await Platform.As(lead))
            await (await leadApi.PostJson($"/api/ofsted/shared-record/inspections/{id}/entries", new
            {
                kind = "evaluative-summary", text = "Decision-making at the front door is timely and thresholds are applied consistently.", criteria = new[] { "EC1" },
            })).Expect(HttpStatusCode.Created);

        var page = await fixture.SignedIn("lead-inspector", "ofsted", subject: lead.UserId, name: "Lena Lead");
        await page.GotoAsync($"/inspections/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Findings register" }).ClickAsync();
        Assert.Contains("No finding recorded yet.", await page.InnerTextAsync("main"));
        await page.ShouldBeAccessible("findings-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record the finding" }).ClickAsync();
        var errors = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Select the kind of finding", errors);
        Assert.Contains("Enter the finding", errors);
        await page.ShouldBeAccessible("findings-errors");

        await page.Locator("#kind-0").CheckAsync();
        await page.Locator("#text").FillAsync("Thresholds are understood and applied consistently in the MASH");
        await page.Locator("#agencies-0").CheckAsync();
        await page.Locator("#services").FillAsync("the MASH");
        await page.Locator("#criteria-0").CheckAsync();
        await page.Locator("#focusAreas-1").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the finding" }).ClickAsync();
        Assert.Contains("Strength recorded.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        var card = await page.Locator(".govuk-summary-card").InnerTextAsync();
        Assert.Contains("Not linked to evidence", card);
        // The register names the focus area the finding speaks to in the framework's words (front door's second).
        Assert.Contains("FA2: The effectiveness of the multi-agency safeguarding hub (MASH) (or equivalent)", card);
        Assert.DoesNotContain("FA1:", card);

        // Agreeing before the links are confirmed: the platform names the rule.
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the findings" }).ClickAsync();
        Assert.Contains("not linked to an evaluative summary", await page.Locator(".govuk-error-summary").InnerTextAsync());

        await page.Locator(".govuk-summary-card select").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Link this finding" }).ClickAsync();
        Assert.Contains("Finding linked to the evaluative summary.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Awaiting QA", await page.Locator(".govuk-summary-card").InnerTextAsync());
        await page.ShouldBeAccessible("findings-linked");

        // The link leads to the summary in the shared record.
        await page.Locator(".govuk-summary-card a", new() { HasText = "Decision-making at the front door" }).ClickAsync();
        Assert.Equal("Shared evidence record", await page.Heading());
        await page.ShouldBeAccessible("shared-record");

        var qaPage = await fixture.SignedIn("qa-manager", "ofsted", subject: qa.UserId, name: "Quinn QA");
        await qaPage.GotoAsync($"/inspections/{id}/findings");
        await qaPage.GetByRole(AriaRole.Button, new() { Name = "Confirm the links of this finding" }).ClickAsync();
        Assert.Contains("Links confirmed.", await qaPage.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Confirmed", await qaPage.Locator(".govuk-summary-card").InnerTextAsync());
        await qaPage.ShouldBeAccessible("findings-confirmed");

        await page.GotoAsync($"/inspections/{id}/findings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the findings" }).ClickAsync();
        Assert.Contains("Findings agreed.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("The register no longer changes.", await page.InnerTextAsync("main"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Record the finding" }).CountAsync());
        await page.ShouldBeAccessible("findings-agreed");
    }
}
