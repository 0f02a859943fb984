using Jtai.Platform.Tests.Letter;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>¶82–83 in the browser: the DCS comments on a paragraph of the draft letter, the Ofsted lead decides.</summary>
[Collection(WebCollection.Name)]
public sealed class FactualAccuracyPageTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_DCS_comments_on_a_paragraph_of_the_draft_and_the_lead_accepts_it_with_a_reason()
    {
        var agreed = await Platform.AgreedFindings("E08000032", "Bradford");
        var id = agreed.InspectionId;

        // Before the draft is sent the DCS reads that it has not come yet.
        var dcs = await fixture.SignedIn("partner-agency", area: "E08000032", agency: "local-authority", subject: "bradford-dcs", name: "Bradford DCS");
        await dcs.GotoAsync($"/inspections/{id}");
        await dcs.GetByRole(AriaRole.Link, new() { Name = "Draft letter: factual accuracy check" }).ClickAsync();
        Assert.Contains("has not been sent to the partnership yet", await dcs.InnerTextAsync("main"));
        await dcs.ShouldBeAccessible();

        await Platform.DraftSent(agreed);
        await dcs.ReloadAsync();
        Assert.Contains("Comments are due by the end of", await dcs.InnerTextAsync("main"));
        Assert.Contains("Draft: not for publication.", await dcs.InnerTextAsync("main"));
        await dcs.ShouldBeAccessible("factual-accuracy-draft");

        await dcs.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();
        var summary = await dcs.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Select the paragraph the comment is about", summary);
        Assert.Contains("Enter the comment", summary);
        await dcs.ShouldBeAccessible("factual-accuracy-comment-errors");

        await dcs.Locator("#paragraph").SelectOptionAsync("main-1");
        await dcs.Locator("#comment").FillAsync("The MASH is called the Children's Advice and Support Service.");
        await dcs.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();
        Assert.Contains("Comment sent to the lead inspector.", await dcs.Locator(".govuk-notification-banner").InnerTextAsync());
        var comment = dcs.Locator(".app-comment");
        Assert.Contains("Children's Advice and Support Service", await comment.InnerTextAsync());
        Assert.Contains("Awaiting decision", await comment.InnerTextAsync());
        await dcs.ShouldBeAccessible("factual-accuracy-commented");

        var lead = await fixture.SignedIn("lead-inspector", "ofsted", subject: agreed.Lead.UserId, name: "Olivia Lead");
        await lead.GotoAsync($"/inspections/{id}/letter/draft");
        await lead.ShouldBeAccessible("factual-accuracy-lead");
        Assert.Equal(0, await lead.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).CountAsync());
        await lead.Locator(".app-comment button").ClickAsync();
        var errors = await lead.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Select whether the comment is accepted or rejected", errors);
        Assert.Contains("Enter the reason for the decision", errors);
        await lead.ShouldBeAccessible("factual-accuracy-decision-errors");

        await lead.Locator(".app-comment input[value=accepted]").CheckAsync();
        await lead.Locator(".app-comment textarea").FillAsync("A factual correction: the service's local name.");
        await lead.Locator(".app-comment button").ClickAsync();
        Assert.Contains("Comment accepted.", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Accepted", await lead.Locator(".app-comment").InnerTextAsync());
        Assert.Contains("the service's local name", await lead.Locator(".app-comment").InnerTextAsync());
        await lead.ShouldBeAccessible("factual-accuracy-decided");

        // The DCS reads the decision and its reason.
        await dcs.ReloadAsync();
        Assert.Contains("Lead inspector's reason: A factual correction", await dcs.Locator(".app-comment").InnerTextAsync());
    }
}
