using Jtai.Platform.Tests.Letter;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>Each inspectorate's own follow-up of the priority actions in the browser (Annex B ¶110–117): its process, state, next steps and deadlines.</summary>
[Collection(WebCollection.Name)]
public sealed class FollowUpPageTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Ofsted_CQC_and_HMICFRS_staff_each_see_their_own_follow_up_of_an_area_for_priority_action()
    {
        var agreed = await Platform.AgreedFindings("E08000040", "Oldham", ["local-authority", "health", "police"]);
        var id = agreed.InspectionId;

        foreach (var (inspectorate, process) in new[] { ("ofsted", "ILACS action plan"), ("cqc", "Management review"), ("hmicfrs", "Force monitoring (scan and engage)") })
        {
            var page = await fixture.SignedIn("inspector", inspectorate, subject: $"{inspectorate}-inspector-oldham", name: $"{inspectorate} inspector");
            await page.GotoAsync($"/inspections/{id}");
            await page.GetByRole(AriaRole.Link, new() { Name = "follow-up of the priority actions", Exact = false }).ClickAsync();
            await page.ReloadUntil("main", process);
            var main = await page.InnerTextAsync("main");
            Assert.Contains("Priority action 0", main);
            Assert.Contains("Next steps", main);
            // Each sees its own process only.
            foreach (var other in new[] { "ILACS action plan", "Management review", "Force monitoring" }.Where(o => !process.StartsWith(o, StringComparison.Ordinal)))
                Assert.DoesNotContain(other, main);
            await page.ShouldBeAccessible($"follow-up-{inspectorate}");
        }
    }
}
