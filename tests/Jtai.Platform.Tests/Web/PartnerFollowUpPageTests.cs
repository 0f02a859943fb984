using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Jtai.Calendar.WorkingDays;
using Jtai.Platform.Tests.FollowUp;
using Jtai.Platform.Tests.Letter;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>
/// A partner agency reads what each inspectorate's follow-up asks of it (Annex B ¶110–117): only its
/// own agency's, with the dates in London and where each stands.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PartnerFollowUpPageTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_local_authority_sees_the_action_plan_asked_of_it_and_the_police_their_recommendations_each_not_the_other_s()
    {
        const string area = "E06000050";
        var id = (await Platform.AgreedFindings(area, "Cheshire West", ["local-authority"], ["police"])).InspectionId;

        // Ofsted asks for the action plan once the DfE is informed; HMICFRS reports the cause of concern.
        using var ofsted = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted"));
        var ofstedFollowUp = await OnlyFollowUp(ofsted, "ofsted", id);
        await Platform.WaitForState("ofsted", ofstedFollowUp, "dfe-informed");
        var letter = LondonTime.Today(Platform.Clock).AddDays(-1);
        var requested = await (await ofsted.PostJson($"/api/ofsted/follow-ups/{ofstedFollowUp}/action-plan/request",
            new { letterDate = letter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) })).Expect(HttpStatusCode.OK);
        var draftDue = requested.Deadline("draft-action-plan")["dueOn"]!.Date();
        using var hmicfrs = Platform.Client(await Platform.Tokens.Staff("inspector", "hmicfrs"));
        var hmicfrsFollowUp = await OnlyFollowUp(hmicfrs, "hmicfrs", id);
        await (await hmicfrs.PostJson($"/api/hmicfrs/follow-ups/{hmicfrsFollowUp}/cause-of-concern", new
        {
            concern = "Out-of-hours referrals wait too long for a strategy discussion.",
            recommendations = new[] { "The force should staff its out-of-hours MASH desk." },
            reportPublishedOn = letter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).Expect(HttpStatusCode.OK);

        var la = await fixture.SignedIn("partner-agency", area: area, agency: "local-authority", subject: "cheshire-west-dcs", name: "Cheshire West DCS");
        await la.GotoAsync($"/inspections/{id}");
        await la.GetByRole(AriaRole.Link, new() { Name = "Follow-up of the priority actions: what is asked of us" }).ClickAsync();
        Assert.Equal("Follow-up of the priority actions: what is asked of us", await la.Heading());
        var main = await la.InnerTextAsync("main");
        Assert.Contains("Ofsted: ILACS action plan", main);
        Assert.Contains("Action plan requested", main);
        Assert.Contains("Your draft action plan", main);
        var dates = await la.Locator("table").First.InnerTextAsync();
        Assert.Contains("Draft action plan", dates);
        Assert.Contains(draftDue.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), dates);
        Assert.Contains("Due", dates);
        Assert.DoesNotContain("HMICFRS", main);
        Assert.DoesNotContain("out-of-hours MASH desk", main);
        await la.ShouldBeAccessible("partner-follow-up-local-authority");

        var police = await fixture.SignedIn("partner-agency", area: area, agency: "police", subject: "cheshire-west-police", name: "Cheshire West police");
        await police.GotoAsync($"/inspections/{id}/follow-up/asked-of-us");
        main = await police.InnerTextAsync("main");
        Assert.Contains("HMICFRS: Force monitoring (scan and engage)", main);
        Assert.Contains("The force should staff its out-of-hours MASH desk.", main);
        Assert.Contains("Local policing body comments", main);
        Assert.Contains(letter.AddDays(56).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), main);
        Assert.DoesNotContain("ILACS", main);
        await police.ShouldBeAccessible("partner-follow-up-police");

        // Another area's partner does not see the inspection at all.
        var other = await fixture.SignedIn("partner-agency", area: "E06000051", agency: "local-authority", subject: "shropshire-dcs", name: "Shropshire DCS");
        var response = await other.GotoAsync($"/inspections/{id}/follow-up/asked-of-us");
        Assert.Equal(404, response!.Status);
    }

    private static async Task<Guid> OnlyFollowUp(HttpClient staff, string inspectorate, Guid inspectionId)
    {
        List<JsonNode> list = [];
        await Testing.Platform.WaitUntil(async () =>
            (list = await staff.AllPages($"/api/{inspectorate}/follow-ups?inspectionId={inspectionId}")).Count == 1,
            TimeSpan.FromSeconds(30), $"{inspectorate} to open its follow-up of the priority action");
        return list[0]["id"]!.GetValue<Guid>();
    }
}
