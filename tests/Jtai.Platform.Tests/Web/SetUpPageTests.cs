using System.Globalization;
using System.Net;
using Jtai.Calendar.WorkingDays;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>
/// Weeks 1 and 2 in the browser (¶20–21, ¶31–32): the Ofsted lead records the set-up discussion and what it agreed and plans the
/// fieldwork timetable; the local authority reads both, with no forms.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SetUpPageTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_lead_records_the_set_up_discussion_and_plans_the_timetable_and_the_local_authority_reads_them()
    {
        var id = await Platform.InspectionWithJointTeam("E06000045", "Southampton");
        using var api = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted", WebSteps.Lead));
        var monday = DateOnly.Parse((await (await api.GetAsync($"/api/orchestrator/inspections/{id}")).Expect(HttpStatusCode.OK))["fieldworkStart"]!.GetValue<string>(),
            CultureInfo.InvariantCulture);
        var held = LondonTime.ToLondon(Platform.Clock.GetUtcNow().AddHours(-1));
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        var lead = await fixture.SignedIn("lead-inspector", "ofsted", subject: WebSteps.Lead, name: "Olivia Lead");
        await lead.GotoAsync($"/inspections/{id}");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Set-up and fieldwork timetable" }).ClickAsync();
        Assert.Equal("Set-up and fieldwork timetable", await lead.Heading());
        await lead.ShouldBeAccessible("set-up");

        // The discussion as held, with who attended.
        await lead.Locator("#meeting-date-day").FillAsync(N(held.Day));
        await lead.Locator("#meeting-date-month").FillAsync(N(held.Month));
        await lead.Locator("#meeting-date-year").FillAsync(N(held.Year));
        await lead.Locator("#meeting-time").FillAsync(held.ToString("HH:mm", CultureInfo.InvariantCulture));
        await lead.Locator("#meeting-mode-2").CheckAsync();
        await lead.Locator("#meeting-attendees").FillAsync(
            "lead inspector, ofsted, Olivia Lead\ndirector of children's services, Southampton City Council\nchair of the MASA, Southampton Safeguarding Partnership\nindependent scrutineer, Southampton Safeguarding Partnership");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record the set-up discussion" }).ClickAsync();
        Assert.Contains("Set-up discussion recorded", await lead.Locator(".govuk-notification-banner").InnerTextAsync());

        // What it agreed, sent without the required parts: the platform's problems beside the fields, in GOV.UK's words.
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record what was agreed" }).ClickAsync();
        var summary = lead.Locator(".govuk-error-summary");
        var errors = await summary.InnerTextAsync();
        Assert.Contains("Select the set-up discussion", errors);
        Assert.Contains("Enter how the partners raise matters during the inspection", errors);
        await summary.GetByRole(AriaRole.Link, new() { Name = "Select the set-up discussion" }).ClickAsync();
        Assert.Equal("agreement-meeting", await lead.EvaluateAsync<string>("document.activeElement.id"));
        await lead.ShouldBeAccessible("set-up-errors");

        await lead.Locator("#agreement-meeting").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await lead.Locator("#agreement-contact-name").FillAsync("Pat Wellbeing");
        await lead.Locator("#agreement-contact-role").FillAsync("Head of HR");
        await lead.Locator("#agreement-contact-organisation").FillAsync("Southampton City Council");
        await lead.Locator("#agreement-contact-email").FillAsync("pat.hr@southampton.example");
        await lead.Locator("#agreement-equalities").FillAsync("A practitioner who is deaf: interviews with a BSL interpreter.");
        await lead.Locator("#agreement-concerns").FillAsync("With the Ofsted lead inspector or the QA manager, as soon as possible.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record what was agreed" }).ClickAsync();
        Assert.Contains("What the set-up discussion agreed is recorded.", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        var agreement = await lead.Locator("#set-up-agreement").InnerTextAsync();
        Assert.Contains("chair of the MASA", agreement);
        Assert.DoesNotContain("Not recorded as attending", agreement);
        Assert.Contains("BSL interpreter", agreement);

        // The initial meeting on the first day of fieldwork, in the timetable.
        await lead.Locator("#entry-activity").SelectOptionAsync("initial-meeting");
        await lead.Locator("#entry-date-day").FillAsync(N(monday.Day));
        await lead.Locator("#entry-date-month").FillAsync(N(monday.Month));
        await lead.Locator("#entry-date-year").FillAsync(N(monday.Year));
        await lead.Locator("#entry-starts").FillAsync("09:00");
        await lead.Locator("#entry-ends").FillAsync("10:00");
        await lead.Locator("#entry-mode-0").CheckAsync();
        await lead.Locator("#entry-with").FillAsync("Senior leaders of the partnership");
        await lead.Locator("#entry-inspectors-0").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add to the timetable" }).ClickAsync();
        Assert.Contains("Added to the fieldwork timetable.", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Initial meeting with senior leaders", await lead.Locator("#timetable").InnerTextAsync());
        await lead.ShouldBeAccessible("set-up-recorded");

        // The local authority took part: it reads the set-up and the timetable, and is offered no form.
        var partner = await fixture.SignedIn("partner-agency", area: "E06000045", agency: "local-authority", subject: "southampton-la", name: "Southampton children's services");
        await partner.GotoAsync($"/inspections/{id}");
        await partner.GetByRole(AriaRole.Link, new() { Name = "Set-up and fieldwork timetable" }).ClickAsync();
        Assert.Contains("Pat Wellbeing", await partner.Locator("#set-up-agreement").InnerTextAsync());
        Assert.Contains("Senior leaders of the partnership", await partner.Locator("#timetable").InnerTextAsync());
        foreach (var button in new[] { "Add to the timetable", "Record the link person", "Record the incident", "Agree the information" })
            Assert.Equal(0, await partner.GetByRole(AriaRole.Button, new() { Name = button }).CountAsync());
        await partner.ShouldBeAccessible("set-up-partner");
    }
}
