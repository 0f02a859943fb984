using System.Net;
using System.Globalization;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>¶19 in the browser: the partnership asks once for a deferral, Ofsted's lead records the inspectorates' decision.</summary>
[Collection(WebCollection.Name)]
public sealed class DeferralPageTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_local_authority_asks_for_a_deferral_and_the_Ofsted_lead_accepts_it_moving_fieldwork()
    {
        var id = await Platform.InspectionWithJointTeam("E08000027", "Dudley");
        var partner = await fixture.SignedIn("partner-agency", area: "E08000027", agency: "local-authority", subject: "dudley-la", name: "Dudley children's services");
        await partner.GetByRole(AriaRole.Link, new() { Name = "Dudley (E08000027)" }).ClickAsync();
        await partner.GetByRole(AriaRole.Link, new() { Name = "Deferral", Exact = true }).ClickAsync();
        Assert.Equal("Deferral", await partner.Heading());
        await partner.ShouldBeAccessible("deferral-request");

        // Sent without a reason: the error summary names the field and links to it.
        await partner.GetByRole(AriaRole.Button, new() { Name = "Request a deferral" }).ClickAsync();
        var summary = partner.Locator(".govuk-error-summary");
        Assert.Contains("Enter why the partnership asks for a deferral", await summary.InnerTextAsync());
        Assert.StartsWith("Error: ", await partner.TitleAsync());
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.Equal("reason", await partner.EvaluateAsync<string>("document.activeElement.id"));
        await partner.ShouldBeAccessible("deferral-request-errors");

        await partner.Locator("#reason").FillAsync("A serious incident review takes the front door's managers in the weeks of fieldwork.");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Request a deferral" }).ClickAsync();
        Assert.Contains("Deferral requested. The inspectorates will decide.", await partner.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Awaiting decision", await partner.InnerTextAsync("main"));
        // One request per inspection (¶19): the form is gone.
        Assert.Equal(0, await partner.GetByRole(AriaRole.Button, new() { Name = "Request a deferral" }).CountAsync());
        await partner.ShouldBeAccessible("deferral-requested");

        using var api = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted", WebSteps.Lead));
        var fieldwork = (await (await api.GetAsync($"/api/orchestrator/inspections/{id}")).Expect(HttpStatusCode.OK))["fieldworkStart"]!.GetValue<string>();
        var later = DateOnly.Parse(fieldwork, CultureInfo.InvariantCulture).AddDays(14);

        var lead = await fixture.SignedIn("lead-inspector", "ofsted", subject: WebSteps.Lead, name: "Olivia Lead");
        await lead.GotoAsync($"/inspections/{id}");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Deferral", Exact = true }).ClickAsync();
        Assert.Contains("serious incident review", await lead.InnerTextAsync("main"));
        await lead.ShouldBeAccessible("deferral-decision");

        // Accepted without the new date: the platform's problem is shown beside the date.
        await lead.Locator("#outcome-0").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        Assert.Contains("Enter the new start of fieldwork", await lead.Locator(".govuk-error-summary").InnerTextAsync());
        await lead.ShouldBeAccessible("deferral-decision-errors");

        await lead.Locator("#outcome-0").CheckAsync();
        await lead.Locator("#newFieldworkStart-day").FillAsync(later.Day.ToString(CultureInfo.InvariantCulture));
        await lead.Locator("#newFieldworkStart-month").FillAsync(later.Month.ToString(CultureInfo.InvariantCulture));
        await lead.Locator("#newFieldworkStart-year").FillAsync(later.Year.ToString(CultureInfo.InvariantCulture));
        await lead.Locator("#decisionReason").FillAsync("The incident review is a good reason; the inspectorates agree.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        var moved = later.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        Assert.Contains($"Deferral accepted: fieldwork now starts on {moved}.", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Accepted", await lead.Locator(".govuk-summary-list").InnerTextAsync());
        Assert.Contains($"Fieldwork starts on {moved}.", await lead.InnerTextAsync("main"));
        await lead.ShouldBeAccessible("deferral-accepted");

        // The partner reads the decision.
        await partner.ReloadAsync();
        Assert.Contains($"Fieldwork moved from", await partner.InnerTextAsync("main"));
    }
}
