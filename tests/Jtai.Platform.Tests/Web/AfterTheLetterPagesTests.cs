using Jtai.Platform.Tests.Letter;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>
/// After the final letter in the browser: the partnership's statement of action and the inspectorates'
/// responses (¶85–87); a formal complaint and Ofsted's managers taking it to its close (Annex C).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AfterTheLetterPagesTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_DCS_sends_the_statement_of_action_the_lead_responds_and_a_complaint_is_investigated_to_its_close()
    {
        var agreed = await Platform.AgreedFindings("E08000035", "Leeds", ["local-authority", "police"]);
        await Platform.DraftSent(agreed);
        await Platform.FinalIssued(agreed);
        var id = agreed.InspectionId;

        var dcs = await fixture.SignedIn("partner-agency", area: "E08000035", agency: "local-authority", subject: "leeds-dcs", name: "Leeds DCS");
        await dcs.GotoAsync($"/inspections/{id}");
        await dcs.GetByRole(AriaRole.Link, new() { Name = "Statement of action" }).ClickAsync();
        Assert.Equal("Statement of action", await dcs.Heading());
        var summary = await dcs.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Contains("Local authority", summary);
        Assert.Contains("Awaited", summary);
        await dcs.ShouldBeAccessible("statement-of-action");

        await dcs.GetByRole(AriaRole.Button, new() { Name = "Send the statement of action" }).ClickAsync();
        Assert.Contains("Enter the statement of action", await dcs.Locator(".govuk-error-summary").InnerTextAsync());
        await dcs.ShouldBeAccessible("statement-of-action-errors");
        await dcs.Locator("#text").FillAsync("1. Police attend every strategy discussion within 24 hours.\n2. Health join the MASH daily meeting.");
        await dcs.GetByRole(AriaRole.Button, new() { Name = "Send the statement of action" }).ClickAsync();
        Assert.Contains("Statement of action sent to the inspectorates.", await dcs.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Submitted", await dcs.Locator(".govuk-summary-list").InnerTextAsync());
        Assert.Contains("Awaiting a response from Ofsted, CQC, HMICFRS.", await dcs.InnerTextAsync("main"));
        await dcs.ShouldBeAccessible("statement-of-action-sent");

        var lead = await fixture.SignedIn("lead-inspector", "ofsted", subject: agreed.Lead.UserId, name: "Olivia Lead");
        await lead.GotoAsync($"/inspections/{id}/statement-of-action");
        Assert.Contains("Police attend every strategy discussion", await lead.InnerTextAsync("main"));
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record the response" }).ClickAsync();
        Assert.Contains("Enter the response", await lead.Locator(".govuk-error-summary").InnerTextAsync());
        await lead.Locator("#response").FillAsync("The plan shows the findings are understood.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record the response" }).ClickAsync();
        Assert.Contains("Ofsted's response recorded.", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Awaiting a response from CQC, HMICFRS.", await lead.InnerTextAsync("main"));
        await lead.ShouldBeAccessible("statement-of-action-response");

        // A complaint: a conduct complaint must name the inspector; then one about the findings.
        await dcs.GotoAsync($"/inspections/{id}");
        await dcs.GetByRole(AriaRole.Link, new() { Name = "Complaints" }).ClickAsync();
        Assert.Contains("No complaint has been made about this inspection.", await dcs.InnerTextAsync("main"));
        await dcs.ShouldBeAccessible("complaints");
        await dcs.Locator("#kind-1").CheckAsync();
        await dcs.Locator("#text").FillAsync("The inspector was discourteous to our staff.");
        await dcs.GetByRole(AriaRole.Button, new() { Name = "Send the complaint" }).ClickAsync();
        var errors = await dcs.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Select the inspector's inspectorate", errors);
        Assert.Contains("Enter the inspector's name", errors);
        await dcs.ShouldBeAccessible("complaints-errors");

        await dcs.Locator("#kind-0").CheckAsync();
        await dcs.Locator("#text").FillAsync("The findings on early help rest on a misread case.");
        await dcs.GetByRole(AriaRole.Button, new() { Name = "Send the complaint" }).ClickAsync();
        Assert.Contains("Complaint received. It will be acknowledged by the end of", await dcs.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Received", await dcs.Locator("h1").InnerTextAsync());
        var complaintUrl = dcs.Url;
        await dcs.ShouldBeAccessible("complaint-received");

        var manager = await fixture.SignedIn("manager", "ofsted", subject: "ofsted-manager-leeds", name: "Morgan Manager");
        await manager.GotoAsync(complaintUrl);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Appoint" }).ClickAsync();
        Assert.Contains("Enter the lead investigator's name", await manager.Locator(".govuk-error-summary").InnerTextAsync());
        await manager.ShouldBeAccessible("complaint-appoint-errors");
        await manager.Locator("#name").FillAsync("Morgan Hale");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Appoint" }).ClickAsync();
        Assert.Contains("Morgan Hale appointed lead investigator.", await manager.Locator(".govuk-notification-banner").InnerTextAsync());
        await manager.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        Assert.Contains("Complaint acknowledged.", await manager.Locator(".govuk-notification-banner").InnerTextAsync());

        await manager.GetByRole(AriaRole.Button, new() { Name = "Share the response" }).ClickAsync();
        var responseErrors = await manager.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Enter the response", responseErrors);
        Assert.Contains("Select whether the complaint is upheld", responseErrors);
        await manager.ShouldBeAccessible("complaint-response-errors");
        await manager.Locator("#text").FillAsync("The case was read correctly; the finding stands.");
        await manager.Locator("#upheld-1").CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Share the response" }).ClickAsync();
        Assert.Contains("Response shared with all the inspectorates.", await manager.Locator(".govuk-notification-banner").InnerTextAsync());
        await manager.GetByRole(AriaRole.Button, new() { Name = "Send the response" }).ClickAsync();
        Assert.Contains("Complaint closed.", await manager.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Not upheld", await manager.Locator(".govuk-summary-list").InnerTextAsync());
        await manager.ShouldBeAccessible("complaint-closed");

        // The DCS reads the response and the outcome.
        await dcs.ReloadAsync();
        Assert.Contains("Closed", await dcs.Locator("h1").InnerTextAsync());
        Assert.Contains("the finding stands", await dcs.InnerTextAsync("main"));
    }
}
