using System.Net;
using Jtai.Platform.Tests.Evidence;
using Jtai.Platform.Tests.Letter;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>The thematic report page: a theme's agreed findings on a page, as CSV and a printable document, agreed with a button.</summary>
[Collection(WebCollection.Name)]
public sealed class ThematicReportPageTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_manager_reads_the_thematic_report_downloads_it_and_agrees_it_for_their_inspectorate()
    {
        var cornwall = await Platform.AgreedFindingsOn("criminal-exploitation", "E06000052", "Cornwall", ["police"]);
        int year;
        using (var lead = await Platform.As(cornwall.Lead))
        {
            var held = await (await lead.GetAsync($"/api/orchestrator/inspections/{cornwall.InspectionId}")).Expect(HttpStatusCode.OK);
            year = DateOnly.Parse(held["fieldworkStart"]!.GetValue<string>()).Year;
        }

        var page = await fixture.SignedIn("manager", "ofsted", subject: "web-thematic-manager", name: "Tess Thematic");
        await page.GetByRole(AriaRole.Link, new() { Name = "Programme" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Thematic reports" }).ClickAsync();
        await page.GetByLabel("Theme").SelectOptionAsync(new SelectOptionValue { Value = "criminal-exploitation" });
        await page.GetByLabel("Year of fieldwork").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the report" }).ClickAsync();
        await page.Reached($"**/programme/thematic-report?theme=criminal-exploitation&year={year}");
        Assert.Equal("The multi-agency response to the criminal exploitation of children", await page.Heading());

        var totals = await page.Locator(".app-thematic-totals").InnerTextAsync();
        Assert.Contains("Area for priority action\t1\t1", totals);
        var ec6 = await page.Locator("#criterion-EC6").InnerTextAsync();
        Assert.Contains("Police", ec6);
        Assert.Contains("Cornwall", ec6);
        Assert.Contains("Not agreed", await page.Locator(".app-thematic-agreements").InnerTextAsync());
        await page.ShouldBeAccessible("thematic-report");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("theme,year,criterion", csv.TrimStart('\uFEFF'));
        Assert.Contains("Cornwall", csv);
        Assert.EndsWith(".csv", download.SuggestedFilename);

        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the report for Ofsted" }).ClickAsync();
        Assert.Contains("Ofsted agreed the thematic report.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        var agreements = await page.Locator(".app-thematic-agreements").InnerTextAsync();
        Assert.Contains("Agreed", agreements);
        Assert.Contains("Tess Thematic", agreements);
        await page.ShouldBeAccessible();

        // Agreeing twice is refused and said beside the button.
        await page.GetByRole(AriaRole.Button, new() { Name = "Agree the report for Ofsted" }).ClickAsync();
        Assert.Contains("already agreed", await page.Locator(".govuk-error-summary").InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Printable document" }).ClickAsync();
        Assert.Contains("Thematic report: The multi-agency response to the criminal exploitation of children", await page.Heading());
        Assert.Contains("Cornwall", await page.Locator("body").InnerTextAsync());
    }
}
