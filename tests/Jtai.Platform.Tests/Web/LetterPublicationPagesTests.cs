using System.Net;
using Jtai.Platform.Tests.Evidence;
using Jtai.Platform.Tests.Letter;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>
/// The letter in the browser from its every section to its withdrawal: the lead edits every section
/// (¶77), Ofsted's manager records the final letter shared with the government departments (¶110),
/// and Ofsted's National Director withdraws it (Annex C ¶121).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class LetterPublicationPagesTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_lead_edits_every_section_the_departments_receive_the_final_letter_and_the_National_Director_withdraws_it()
    {
        const string area = "E06000052";
        // Priority actions for two agencies: the letter goes to the departments before publication.
        var agreed = await Platform.AgreedFindings(area, "Cornwall", ["local-authority", "police"]);
        var id = agreed.InspectionId;
        var letterPath = $"/api/orchestrator/inspections/{id}/letter";
        using (var leadApi = await Platform.As(agreed.Lead))
            await (await leadApi.PostJson(letterPath, LetterSteps.DraftRequest(area: area))).Expect(HttpStatusCode.Created);

        var lead = await fixture.SignedIn("lead-inspector", "ofsted", subject: agreed.Lead.UserId, name: "Lena Lead");
        await lead.GotoAsync($"/inspections/{id}/letter");
        // Every section is in the form, filled with the current version's.
        Assert.Equal("Jane Doe", await lead.Locator("#dcs").InputValueAsync());
        Assert.Equal(LetterSteps.AddresseeEmail(area, "dcs"), await lead.Locator("#dcsEmail").InputValueAsync());
        Assert.Equal("Chief Inspector of Healthcare", await lead.Locator("#signatory-title-1").InputValueAsync());
        Assert.True(await lead.Locator("#statementRequired-0").IsCheckedAsync());
        Assert.Equal("local-authority", await lead.Locator("#leadAgency").InputValueAsync());
        Assert.NotEqual("", await lead.Locator("#areasForPriorityAction").InputValueAsync());

        await lead.Locator("#strengths").FillAsync("Partners share information about children quickly.\nThe MASH is well led.");
        await lead.Locator("#whatNeedsToImprove").FillAsync("Health partners should attend every strategy discussion.");
        await lead.Locator("#dcs").FillAsync("");
        await lead.Locator("#leadAgency").SelectOptionAsync("police");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save a new version" }).ClickAsync();
        var errors = await lead.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Enter the director of children's services", errors);
        Assert.Contains("The lead agency does not also cooperate.", errors);
        Assert.Equal("Partners share information about children quickly.\nThe MASH is well led.", await lead.Locator("#strengths").InputValueAsync());
        await lead.ShouldBeAccessible("letter-edit-errors");

        await lead.Locator("#dcs").FillAsync("Jo Bloggs");
        await lead.Locator("#cooperatingAgencies-2").UncheckAsync();
        await lead.Locator("#signatory-title-1").FillAsync("Chief Inspector of Hospitals");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save a new version" }).ClickAsync();
        Assert.Contains("Letter saved as version 2.", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        var text = await lead.Locator(".app-letter").InnerTextAsync();
        Assert.Contains("The MASH is well led.", text);
        Assert.Contains("Health partners should attend every strategy discussion.", text);
        Assert.Equal("Jo Bloggs", await lead.Locator("#dcs").InputValueAsync());
        // The edit keeps the addresses the notices go to (an edit that sent names alone would be refused or lose them).
        Assert.Equal(LetterSteps.AddresseeEmail(area, "masa-chair"), await lead.Locator("#masaChairEmail").InputValueAsync());
        Assert.Equal("police", await lead.Locator("#leadAgency").InputValueAsync());
        Assert.False(await lead.Locator("#cooperatingAgencies-2").IsCheckedAsync());
        Assert.Equal("Chief Inspector of Hospitals", await lead.Locator("#signatory-title-1").InputValueAsync());
        await lead.ShouldBeAccessible("letter-edited");

        // QA, the three agreements and the draft to the DCS through the API; then the final letter.
        using (var qa = await Platform.As(agreed.Qa))
            await (await qa.PostAsync($"{letterPath}/quality-assurance", null)).Expect(HttpStatusCode.OK);
        foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" })
        {
            using var manager = Platform.Client(await Platform.Tokens.Staff("manager", inspectorate, $"manager-{inspectorate}-{area}"));
            await (await manager.PostAsync($"{letterPath}/agreements", null)).Expect(HttpStatusCode.OK);
        }
        using (var leadApi = await Platform.As(agreed.Lead))
            await (await leadApi.PostAsync($"{letterPath}/draft/send", null)).Expect(HttpStatusCode.OK);
        await Platform.FinalIssued(agreed);

        // Only the National Director withdraws: the lead is told so at the form, not sent away.
        await lead.GotoAsync($"/inspections/{id}/letter/withdrawal");
        await lead.Locator("#decidedBy").FillAsync("Lena Lead");
        await lead.Locator("#reason").FillAsync("A mistake.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Withdraw the letter" }).ClickAsync();
        Assert.Contains("You do not have permission to do this", await lead.Locator(".govuk-error-summary").InnerTextAsync());

        var ofstedManager = await fixture.SignedIn("manager", "ofsted", subject: $"manager-ofsted-{area}", name: "Mo Manager");
        await ofstedManager.GotoAsync($"/inspections/{id}/letter");
        Assert.Contains("To be sent before publication", await ofstedManager.Locator("#letter-steps").InnerTextAsync());
        await ofstedManager.GetByRole(AriaRole.Link, new() { Name = "Send the final letter to the government departments" }).ClickAsync();
        await ofstedManager.ShouldBeAccessible("letter-departments");
        await ofstedManager.GetByRole(AriaRole.Button, new() { Name = "Send the final letter" }).ClickAsync();
        Assert.Contains("Name the government departments the final letter goes to: Department for Education", await ofstedManager.Locator(".govuk-error-summary").InnerTextAsync());
        await ofstedManager.Locator("#departments").FillAsync("Department for Education\nMinistry of Magic");
        await ofstedManager.GetByRole(AriaRole.Button, new() { Name = "Send the final letter" }).ClickAsync();
        Assert.Contains("'Ministry of Magic' is not a government department", await ofstedManager.Locator(".govuk-error-summary").InnerTextAsync());
        await ofstedManager.ShouldBeAccessible("letter-departments-errors");
        await ofstedManager.Locator("#departments").FillAsync("Department for Education\nHome Office\n\nDepartment of Health and Social Care");
        await ofstedManager.GetByRole(AriaRole.Button, new() { Name = "Send the final letter" }).ClickAsync();
        Assert.Contains("The final letter is on its way to the government departments", await ofstedManager.Locator(".govuk-notification-banner").InnerTextAsync());
        // Delivered to each department's configured address (¶110); the row says so once all are delivered.
        await Platform.Mail.WaitForMail("jtai-letters@homeoffice.gov.uk", m => m.Body.Contains("Cornwall"));
        await Testing.Platform.WaitUntil(async () =>
        {
            await ofstedManager.ReloadAsync();
            return (await ofstedManager.Locator("#letter-steps").InnerTextAsync()).Contains("Delivered to Department for Education, Home Office, Department of Health and Social Care");
        }, TimeSpan.FromSeconds(60), "the departments' deliveries on the letter page");
        Assert.Contains("jtai-letters@dhsc.gov.uk", await ofstedManager.Locator("table").InnerTextAsync());

        var director = await fixture.SignedIn("national-director", "ofsted", subject: "ofsted-national-director", name: "Nadia Director");
        await director.GotoAsync($"/inspections/{id}/letter");
        await director.GetByRole(AriaRole.Link, new() { Name = "Withdraw the letter" }).ClickAsync();
        Assert.Equal("Withdraw the letter", await director.Heading());
        await director.ShouldBeAccessible("letter-withdrawal");
        await director.GetByRole(AriaRole.Button, new() { Name = "Withdraw the letter" }).ClickAsync();
        errors = await director.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Enter who decided the withdrawal", errors);
        Assert.Contains("Enter why the letter is withdrawn", errors);
        await director.ShouldBeAccessible("letter-withdrawal-errors");
        await director.Locator("#decidedBy").FillAsync("Nadia Director with CQC's and HMICFRS's national leads");
        await director.Locator("#reason").FillAsync("A complaint upheld: the findings on health rest on a misread record.");
        await director.GetByRole(AriaRole.Button, new() { Name = "Withdraw the letter" }).ClickAsync();
        Assert.Contains("The letter is withdrawn.", await director.Locator(".govuk-notification-banner").InnerTextAsync());
        var steps = await director.Locator("#letter-steps").InnerTextAsync();
        Assert.Contains("Withdrawn", steps);
        Assert.Contains("A complaint upheld", steps);
        await director.ShouldBeAccessible("letter-withdrawn");
    }
}
