using Jtai.Testing.AnnexA;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>A local authority's week 1 in the browser: what is asked of it, list 1 refused and corrected, then received.</summary>
[Collection(WebCollection.Name)]
public sealed class PartnerJourneyTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_local_authority_uploads_a_list_with_errors_sees_them_by_row_corrects_it_and_sees_it_received()
    {
        var id = await Platform.InspectionWithJointTeam("E08000031", "Wolverhampton");
        var list = new AnnexAFiles(seed: 7, DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime), children: 120).List(1, 200);
        var corrected = list.ToCsvBytes();
        list.Rows[9][3] = "31/02/2026";   // row 11: no such date
        list.Rows[19][1] = "x) Robot";    // row 21: not a gender code
        var withErrors = list.ToCsvBytes();

        var page = await fixture.SignedIn("partner-agency", area: "E08000031", agency: "local-authority",
            subject: "wolverhampton-la", name: "Wolverhampton children's services");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wolverhampton (E08000031)" }).ClickAsync();
        Assert.Equal("Wolverhampton", await page.Heading());
        var listItem = page.Locator(".govuk-task-list__item", new() { HasText = "Child-level data list 1" });
        Assert.Contains("Awaited", await listItem.InnerTextAsync());
        Assert.Contains("Due 5pm on", await listItem.InnerTextAsync());
        // Only what is asked of the local authority: police answers are not its task.
        Assert.DoesNotContain("Police answers for the 30 children", await page.InnerTextAsync("main"));
        await page.ShouldBeAccessible("partner-inspection");

        await listItem.GetByRole(AriaRole.Link).ClickAsync();
        Assert.StartsWith("Child-level data list 1", await page.Heading());
        await page.ShouldBeAccessible("annex-a-upload");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "list1.csv", MimeType = "text/csv", Buffer = withErrors });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        Assert.Contains("There is a problem", await summary.InnerTextAsync());
        Assert.Contains("Row 11, column Date of Birth", await summary.InnerTextAsync());
        Assert.Contains("Row 21, column Gender", await summary.InnerTextAsync());
        Assert.StartsWith("Error: ", await page.TitleAsync());
        Assert.Contains("Nothing was stored. The file has 2 problems in 2 of its 200 rows", await page.InnerTextAsync("main"));
        // The summary's links take the keyboard to the file field.
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.Equal("file", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.ShouldBeAccessible("annex-a-errors");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "list1.csv", MimeType = "text/csv", Buffer = corrected });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await page.Reached($"{Platform.WebAddress}inspections/{id}");
        Assert.Contains("List 1 received: 200 rows stored (version 1).", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await page.ReloadUntil(".govuk-task-list__item:has-text('Child-level data list 1')", "Received on time");
        await page.ShouldBeAccessible("partner-item-received");
    }

    [Fact]
    public async Task A_local_authority_finds_its_list_and_uploads_it_by_keyboard_alone()
    {
        await Platform.InspectionWithJointTeam("E08000024", "Sunderland");
        var list = new AnnexAFiles(seed: 9, DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime), children: 60).List(2, 40);
        var page = await fixture.SignedIn("partner-agency", area: "E08000024", agency: "local-authority", subject: "sunderland-la");

        // The skip link is the first stop and takes the keyboard past the navigation.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.innerText"));
        await page.Keyboard.PressAsync("Enter");
        await page.TabTo("Sunderland (E08000024)");
        await page.Keyboard.PressAsync("Enter");
        await page.Reached("**/inspections/*");
        await page.TabTo("Child-level data list 2: Early help");
        await page.Keyboard.PressAsync("Enter");
        await page.Reached("**/annex-a/lists/2");

        // Playwright switches the browser's file-chooser interception on with a message it does not wait
        // for; sent just before the key (RunAndWaitForFileChooserAsync), a loaded machine could deliver the
        // key first and Chromium then opened its own, invisible, dialog. Listening before moving to the
        // field puts every Tab's round trip between the switch and the key.
        var chooserOpened = page.WaitForFileChooserAsync(new() { Timeout = 60_000 });
        await page.TabTo("file");
        await page.Keyboard.PressAsync("Space");
        var chooser = await chooserOpened;
        await chooser.SetFilesAsync(new FilePayload { Name = "list2.csv", MimeType = "text/csv", Buffer = list.ToCsvBytes() });
        await page.TabTo("Upload");
        await page.Keyboard.PressAsync("Enter");
        await page.Reached("**/inspections/*");
        Assert.Contains("List 2 received: 40 rows stored", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await page.ShouldBeAccessible();
    }

    [Fact]
    public async Task A_partner_of_another_area_sees_none_of_it()
    {
        var id = await Platform.InspectionWithJointTeam("E08000030", "Walsall");
        var page = await fixture.SignedIn("partner-agency", area: "E08000028", agency: "local-authority", subject: "sandwell-la");

        Assert.DoesNotContain("Walsall", await page.InnerTextAsync("main"));
        var response = await page.GotoAsync($"/inspections/{id}");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.Heading());
        Assert.DoesNotContain("Walsall", await page.InnerTextAsync("body"));
        await page.ShouldBeAccessible("page-not-found");

        response = await page.GotoAsync($"/inspections/{id}/annex-a/lists/1");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.Heading());
    }
}
