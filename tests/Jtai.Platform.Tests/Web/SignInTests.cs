using Jtai.Testing;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_lead_inspector_signs_in_at_the_issuer_sees_the_inspections_and_signs_out()
    {
        await Platform.ScheduleInspection(area: "E08000026", areaName: "Coventry");
        var page = await fixture.Browser.NewPage(Platform.WebAddress);

        await page.GotoAsync("/");
        Assert.Equal("Joint targeted area inspections", await page.Heading());
        await page.ShouldBeAccessible("start");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Reached("**/connect/authorize**");
        Assert.StartsWith(Platform.GatewayAddress.ToString(), page.Url);
        Assert.Contains("code_challenge=", page.Url);   // PKCE
        Assert.Equal("Choose who to be", await page.Heading());
        await page.ShouldBeAccessible("development-sign-in");

        await page.ChooseWhoToBe("lead-inspector", "ofsted", subject: "lucy.lead", name: "Lucy Lead");
        await page.Reached($"{Platform.WebAddress}inspections");
        Assert.Equal("Inspections", await page.Heading());
        Assert.Contains("Signed in as Lucy Lead (Lead inspector, Ofsted)", await page.InnerTextAsync("body"));
        Assert.Contains("Coventry (E08000026)", await page.Locator("table").InnerTextAsync());
        await page.ShouldBeAccessible("inspections");

        // Backend-for-frontend: the session is one encrypted cookie scripts cannot read; no token reaches the page.
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "__Host-jtai-session");
        Assert.True(session.HttpOnly);
        Assert.True(session.Secure);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.DoesNotContain("jtai-session", await page.EvaluateAsync<string>("document.cookie"));
        Assert.DoesNotContain("eyJ", await page.ContentAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.Reached($"{Platform.WebAddress}signed-out");
        Assert.Equal("You have signed out", await page.Heading());
        await page.ShouldBeAccessible("signed-out");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "__Host-jtai-session");

        await page.GotoAsync("/inspections");
        await page.Reached("**/connect/authorize**");
        Assert.Equal("Choose who to be", await page.Heading());
    }

    [Fact]
    public async Task The_issuer_names_what_is_missing_and_a_partner_of_another_area_sees_no_inspection()
    {
        await Platform.ScheduleInspection(area: "E08000027", areaName: "Dudley");
        var page = await fixture.Browser.NewPage(Platform.WebAddress);
        await page.GotoAsync("/sign-in");
        await page.Reached("**/connect/authorize**");

        await page.ChooseWhoToBe("partner-agency", agency: "police", subject: "north-police");
        Assert.Equal("There is a problem", await page.Locator(".error-summary h2").InnerTextAsync());
        Assert.Contains("local area", await page.Locator(".error-summary").InnerTextAsync());
        await page.ShouldBeAccessible("development-sign-in-error");

        await page.ChooseWhoToBe("partner-agency", area: "E06000001", agency: "police", subject: "north-police", name: "Hartlepool police");
        await page.Reached($"{Platform.WebAddress}inspections");
        Assert.Contains("There are no inspections for you to see", await page.InnerTextAsync("main"));
        Assert.DoesNotContain("Dudley", await page.InnerTextAsync("body"));
        await page.ShouldBeAccessible();
    }
}
