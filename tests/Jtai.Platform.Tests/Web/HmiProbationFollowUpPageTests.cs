using System.Globalization;
using Jtai.Calendar.WorkingDays;
using Jtai.Platform.Tests.Letter;
using Microsoft.Playwright;
using Xunit;
using static Jtai.Platform.Tests.Web.FollowUpForms;

namespace Jtai.Platform.Tests.Web;

/// <summary>
/// HMI Probation's staff follow up a priority action for a youth justice service from its page, as the other inspectorates
/// do theirs (programme note ¶7–8): the improvement plan asked for, received, accepted, its progress recorded and the
/// monitoring closed; the youth justice service reads what is asked of it on its own page.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HmiProbationFollowUpPageTests(WebFixture fixture)
{
    private const string Theme = "youth-justice-and-criminal-exploitation";
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task HMI_Probation_takes_its_improvement_monitoring_from_the_plan_to_its_close_and_the_youth_justice_service_reads_what_is_asked()
    {
        const string area = "E08000013";
        var id = (await Platform.AgreedFindingsOn(Theme, area, "St Helens", ["youth-justice"])).InspectionId;
        var page = await fixture.SignedIn("manager", "hmiprobation", subject: "hmiprobation-manager-st-helens", name: "Prue Manager");
        await page.GotoAsync($"/inspections/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "HMI Probation follow-up of the priority actions" }).ClickAsync();
        await page.ReloadUntil("main", "Ask for an improvement plan");
        var main = await page.InnerTextAsync("main");
        Assert.Contains("Improvement monitoring", main);
        foreach (var other in new[] { "ILACS action plan", "Management review", "Force monitoring" }) Assert.DoesNotContain(other, main);
        await page.ShouldBeAccessible("follow-up-hmiprobation");

        // Every missing value named in GOV.UK's words; a date that has passed is the plan's rule, said by the service.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask for an improvement plan", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for the plan" }).ClickAsync();
        var errors = await ErrorSummary(page);
        Assert.Contains("Enter who is asked for the plan", errors);
        Assert.Contains("Enter the date the plan is due", errors);
        await page.ShouldBeAccessible("follow-up-hmiprobation-missing");
        var today = LondonTime.Today(Platform.Clock);
        await page.Locator("#requestedOf").FillAsync("Chair of the youth justice management board");
        await FillDate(page, "dueOn", today.AddDays(-1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for the plan" }).ClickAsync();
        Assert.Contains("by a date to come", await ErrorSummary(page));
        await FillDate(page, "dueOn", today.AddDays(40));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for the plan" }).ClickAsync();
        Assert.Contains("The improvement plan is asked for.", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        main = await page.InnerTextAsync("main");
        Assert.Contains("Chair of the youth justice management board", main);
        Assert.Contains("Improvement plan", await page.Locator("table").First.InnerTextAsync());

        // Received, returned with a new date, received again and accepted: then monitoring.
        await TakeStep(page, "Record the improvement plan received", "Record the plan", "The improvement plan is recorded as received.", async () =>
        {
            await FillDate(page, "receivedOn", today);
            await page.Locator("#summary").FillAsync("Referrals to the exploitation hub within a day.");
        });
        await TakeStep(page, "Return the improvement plan", "Return the plan", "The improvement plan is returned.", async () =>
        {
            await page.Locator("#because").FillAsync("It does not say who screens children supervised at night.");
            await FillDate(page, "dueOn", today.AddDays(30));
        });
        await TakeStep(page, "Record the improvement plan received", "Record the plan", "The improvement plan is recorded as received.", async () =>
        {
            await FillDate(page, "receivedOn", today);
            await page.Locator("#summary").FillAsync("The out-of-hours team screens and refers the same night.");
        });
        await TakeStep(page, "Accept the improvement plan", "Accept the plan", "The improvement plan is accepted.", async () =>
        {
            await FillDate(page, "on", today);
            await page.Locator("#decision").FillAsync("The plan answers the priority action.");
        });
        await TakeStep(page, "Record progress", "Record it", "The progress is recorded.", async () =>
        {
            await FillDate(page, "on", today);
            await page.Locator("#kind-1").CheckAsync();
            await page.Locator("#note").FillAsync("The youth justice inspection is brought forward to the spring.");
        });
        main = await page.InnerTextAsync("main");
        Assert.Contains("Monitoring", await page.Locator(".govuk-summary-card__title").InnerTextAsync());
        Assert.Contains("It does not say who screens children supervised at night.", main);
        Assert.Contains("youth justice inspection brought forward: The youth justice inspection is brought forward to the spring.", main);
        await page.ShouldBeAccessible("follow-up-hmiprobation-monitoring");

        // The youth justice service sees what HMI Probation asks of it, and nothing of another inspectorate's notes.
        var service = await fixture.SignedIn("partner-agency", area: area, agency: "youth-justice", subject: "st-helens-yjs", name: "St Helens youth justice service");
        await service.GotoAsync($"/inspections/{id}/follow-up/asked-of-us");
        var asked = await service.InnerTextAsync("main");
        Assert.Contains("HMI Probation", asked);
        Assert.Contains("Improvement monitoring", asked);
        Assert.Contains($"Accepted {today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", asked);
        Assert.Contains("The youth justice inspection is brought forward to the spring.", asked);
        Assert.DoesNotContain("Referrals to the exploitation hub", asked);
        Assert.DoesNotContain("cannot be read just now", asked);
        await service.ShouldBeAccessible("follow-up-asked-of-youth-justice");

        await TakeStep(page, "Close the monitoring", "Close", "The monitoring is closed.", async () =>
        {
            await FillDate(page, "on", today);
            await page.Locator("#decision").FillAsync("The service refers every child screened, day and night.");
        });
        Assert.Contains("Closed", await page.Locator(".govuk-summary-card__title").InnerTextAsync());
    }
}
