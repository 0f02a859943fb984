using Jtai.Testing;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>What a person does in the browser, in the service's words.</summary>
public static class WebSteps
{
    /// <summary>Someone signing in for the first time: the start page, then the development issuer's page where they choose who to be.</summary>
    public static async Task<IPage> SignedIn(this WebFixture fixture, string role, string? inspectorate = null,
        string? area = null, string? agency = null, string? subject = null, string? name = null)
    {
        var page = await fixture.Browser.NewPage(fixture.Platform.WebAddress);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/connect/authorize**");
        await page.ChooseWhoToBe(role, inspectorate, area, agency, subject, name);
        await page.WaitForURLAsync($"{fixture.Platform.WebAddress}inspections");
        return page;
    }

    /// <summary>Fills the development issuer's sign-in page and submits it.</summary>
    public static async Task ChooseWhoToBe(this IPage page, string role, string? inspectorate = null,
        string? area = null, string? agency = null, string? subject = null, string? name = null)
    {
        await page.Locator($"#role-{role}").CheckAsync();
        if (inspectorate is not null) await page.Locator($"#inspectorate-{inspectorate}").CheckAsync();
        await page.Locator("#local_area").FillAsync(area ?? "");
        if (agency is not null) await page.Locator($"#agency-{agency}").CheckAsync();
        await page.Locator("#sub").FillAsync(subject ?? "");
        await page.Locator("#name").FillAsync(name ?? "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>axe finds nothing on the page as it is now; a screenshot is kept as test output when named.</summary>
    public static async Task ShouldBeAccessible(this IPage page, string? screenshot = null)
    {
        if (screenshot is not null) await Browser.Screenshot(page, screenshot);
        var violations = await Browser.AccessibilityViolations(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    public static Task<string> Heading(this IPage page) => page.Locator("h1").InnerTextAsync();
}
