using System.Net;
using System.Net.Http.Json;
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
        await page.Reached("**/connect/authorize**");
        await page.ChooseWhoToBe(role, inspectorate, area, agency, subject, name);
        try
        {
            await page.Reached($"{fixture.Platform.WebAddress}inspections");
            Assert.Equal("Inspections", await page.Heading());
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Signing in as {role} did not reach the inspections page: at {page.Url}: {await page.InnerTextAsync("body")}", ex);
        }
        return page;
    }

    /// <summary>
    /// The page navigated to <paramref name="url"/> and its document is parsed (its scripts ran). Not Playwright's default, the load
    /// event: on a loaded machine the stylesheets, fonts and icons can hold that back past the timeout while the page is already
    /// there. What a test reads next waits for its own element.
    /// Waited for in short slices: Playwright's wait reads the frame's address, then listens for the next navigation, and a
    /// navigation its reader thread records between the two (a key or click's navigation committing just then) is never heard;
    /// each slice reads the address again.
    /// </summary>
    public static async Task Reached(this IPage page, string url)
    {
        var until = DateTime.UtcNow + NavigationTimeout;
        while (true)
        {
            try
            {
                await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit, Timeout = 2_000 });
                break;
            }
            catch (TimeoutException) when (DateTime.UtcNow < until)
            {
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"{url} was not reached in {NavigationTimeout.TotalSeconds:0} s: the page is at {page.Url}.", ex);
            }
        }
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static readonly TimeSpan NavigationTimeout = TimeSpan.FromSeconds(60);

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

    /// <summary>
    /// Arranged through the API as the lead would: an inspection of the area with the Ofsted lead and a
    /// CQC inspector on its team, notified, once the services know the team and the notification.
    /// </summary>
    public static async Task<Guid> InspectionWithJointTeam(this Testing.Platform platform, string area, string areaName)
    {
        var id = (await platform.ScheduleInspection(area: area, areaName: areaName))["id"]!.GetValue<Guid>();
        // Ofsted's manager puts people on the team and notifies the area (its lead acts only once on the team).
        using var manager = platform.Client(await platform.Tokens.Staff("manager", "ofsted", "ofsted-team-manager"));
        using var lead = platform.Client(await platform.Tokens.Staff("lead-inspector", "ofsted", Lead));
        foreach (var (user, name, inspectorate, role) in new[]
                 {
                     (Lead, "Olivia Lead", "ofsted", "lead-inspector"),
                     (CqcInspector, "Chris Carer", "cqc", "inspector"),
                 })
            (await manager.PutAsJsonAsync($"/api/orchestrator/inspections/{id}/team/{user}", new { name, inspectorate, teamRole = role }))
                .EnsureSuccessStatusCode();
        // Partners see an inspection from its notification on (¶16).
        (await manager.PostAsJsonAsync($"/api/orchestrator/inspections/{id}/transitions", new { to = "notified", reason = "notice given" }))
            .EnsureSuccessStatusCode();
        using var cqc = platform.Client(await platform.Tokens.Staff("inspector", "cqc", CqcInspector));
        using var la = platform.Client(await platform.Tokens.Partner(area, "local-authority"));
        await Testing.Platform.WaitUntil(async () =>
            (await lead.GetAsync($"/api/ofsted/inspections/{id}/information-exchange/annex-a/uploads")).StatusCode == HttpStatusCode.OK
            && (await la.GetAsync($"/api/ofsted/inspections/{id}/information-exchange/annex-a/uploads")).StatusCode == HttpStatusCode.OK
            && (await cqc.GetAsync($"/api/cqc/inspections/{id}/evidence")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "Ofsted and CQC to know the team, and the area to be notified");
        return id;
    }

    public const string Lead = "ofsted-lead-inspector";
    public const string CqcInspector = "cqc-inspector";

    /// <summary>Reloads the page until the text appears (the platform's events are asynchronous).</summary>
    public static async Task ReloadUntil(this IPage page, string selector, string text)
    {
        await Testing.Platform.WaitUntil(async () =>
        {
            await page.ReloadAsync();
            return (await page.Locator(selector).InnerTextAsync()).Contains(text, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), $"'{text}' in {selector} of {page.Url}");
    }

    /// <summary>Presses Tab until the focused element's text (or id) is the one given, as a keyboard user moves through a page.</summary>
    public static async Task TabTo(this IPage page, string textOrId, int maxTabs = 80)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("(document.activeElement?.id || '') + '|' + (document.activeElement?.innerText || document.activeElement?.value || '').trim()");
            var parts = focused.Split('|', 2);
            if (parts[0] == textOrId || parts[1] == textOrId) return;
        }
        throw new Xunit.Sdk.XunitException($"'{textOrId}' was not reached by {maxTabs} presses of Tab on {page.Url}.");
    }
}
