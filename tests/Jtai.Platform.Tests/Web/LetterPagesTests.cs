using System.Net;
using Jtai.Platform.Tests.Evidence;
using Jtai.Platform.Tests.Letter;
using Jtai.Platform.Tests.Lifecycle;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>
/// The letter of findings in the browser (¶77–84): the lead drafts and edits it, QA checks it, the
/// senior managers agree it, the draft goes to the DCS, the final letter is issued and read under
/// embargo, and the partnership answers the questionnaire sent with it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class LetterPagesTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task An_Ofsted_only_inspection_shows_Ofsted_alone_and_its_letter_is_drafted_with_one_signatory_as_key_strengths_and_recommendations()
    {
        var agreed = await Platform.OfstedOnlyInDrafting("E06000015", "Derby");
        var lead = await fixture.SignedIn("lead-inspector", "ofsted", subject: agreed.Lead.UserId, name: "Lena Lead");
        // The framework names who takes part (2015 consultation, Part 2 ¶31): the page and the team offer Ofsted alone.
        await lead.GotoAsync($"/inspections/{agreed.InspectionId}");
        Assert.Equal("Ofsted", await lead.Locator("#taking-part").InnerTextAsync());
        Assert.Equal(1, await lead.GetByRole(AriaRole.Link, new() { Name = "Ofsted evidence records" }).CountAsync());
        await lead.GetByRole(AriaRole.Link, new() { Name = "Inspection team" }).ClickAsync();
        Assert.Equal(1, await lead.Locator("input[name='Form.Inspectorate']").CountAsync());
        await lead.ShouldBeAccessible("ofsted-only-team");
        // CQC's staff find no CQC page in it: CQC keeps no records and follows up nothing there.
        var cqc = await fixture.SignedIn("inspector", "cqc", subject: "cqc-inspector-derby", name: "Chris Carer");
        await cqc.GotoAsync($"/inspections/{agreed.InspectionId}");
        Assert.Contains("CQC does not take part in this inspection", await cqc.InnerTextAsync("main"));
        Assert.Equal(0, await cqc.GetByRole(AriaRole.Link, new() { Name = "CQC evidence records" }).CountAsync());
        Assert.Equal(0, await cqc.GetByRole(AriaRole.Link, new() { Name = "CQC follow-up of the priority actions" }).CountAsync());
        await cqc.ShouldBeAccessible("ofsted-only-inspection-for-cqc");
        await lead.GotoAsync($"/inspections/{agreed.InspectionId}/letter");
        // One signatory, Ofsted's (2015 consultation, Part 2 ¶34): no place for CQC's or HMICFRS's.
        Assert.Equal(1, await lead.Locator("input[id^='signatory-name-']").CountAsync());
        await lead.ShouldBeAccessible("ofsted-only-letter-not-drafted");

        await lead.Locator("#statementRequired-0").CheckAsync();
        await lead.Locator("#leadAgency").SelectOptionAsync("local-authority");
        foreach (var (field, value) in new[] { ("dcs", "Dana Director"), ("icb", "Ian Board"), ("police", "Chief Constable Chris Constable"), ("masaChair", "Pat Lee"), ("independentScrutineer", "Chris Moss") })
            await lead.Locator($"#{field}").FillAsync(value);
        foreach (var (field, role) in new[] { ("dcsEmail", "dcs"), ("icbEmail", "icb-chief-executive"), ("policeEmail", "chief-constable"), ("masaChairEmail", "masa-chair"),
                     ("independentScrutineerEmail", "independent-scrutineer") })
            await lead.Locator($"#{field}").FillAsync(LetterSteps.AddresseeEmail("E06000015", role));
        await lead.Locator("#signatory-name-0").FillAsync("Yvette Stanley");
        await lead.Locator("#signatory-title-0").FillAsync("National Director, Regulation and Social Care");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Draft the letter" }).ClickAsync();
        Assert.Contains("Letter drafted from the agreed findings (version 1).", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        var letter = await lead.Locator(".app-letter").InnerTextAsync();
        Assert.Contains("Key strengths", letter);
        Assert.Contains("Recommendations", letter);
        Assert.Contains("post-inspection action plan", letter);
        Assert.DoesNotContain("Care Quality Commission", letter);
        await lead.ShouldBeAccessible("ofsted-only-letter-drafted");
    }

    [Fact]
    public async Task The_lead_drafts_and_edits_the_letter_QA_and_managers_pass_it_the_final_is_issued_and_the_partnership_answers_the_questionnaire()
    {
        const string area = "E08000039";
        var agreed = await Platform.AgreedFindings(area, "Rotherham", ["local-authority", "police"]);
        var id = agreed.InspectionId;

        var lead = await fixture.SignedIn("lead-inspector", "ofsted", subject: agreed.Lead.UserId, name: "Lena Lead");
        await lead.GotoAsync($"/inspections/{id}");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Letter of findings" }).ClickAsync();
        Assert.Contains("The letter has not been drafted.", await lead.InnerTextAsync("main"));
        await lead.ShouldBeAccessible("letter-not-drafted");

        await lead.GetByRole(AriaRole.Button, new() { Name = "Draft the letter" }).ClickAsync();
        var errors = await lead.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Select whether a statement of action is required", errors);
        Assert.Contains("Enter the director of children's services", errors);
        Assert.Contains("Enter the name of CQC's signatory", errors);
        Assert.Contains("Enter an email address in the correct format", errors);
        await lead.ShouldBeAccessible("letter-draft-errors");

        await lead.Locator("#statementRequired-0").CheckAsync();
        await lead.Locator("#leadAgency").SelectOptionAsync("local-authority");
        await lead.Locator("#cooperatingAgencies-1").CheckAsync();
        await lead.Locator("#cooperatingAgencies-2").CheckAsync();
        foreach (var (field, value) in new[] { ("dcs", "Jane Doe"), ("icb", "Sam Patel"), ("police", "Chief Constable Alex Reed"), ("masaChair", "Pat Lee"), ("independentScrutineer", "Chris Moss") })
            await lead.Locator($"#{field}").FillAsync(value);
        foreach (var (field, role) in new[] { ("dcsEmail", "dcs"), ("icbEmail", "icb-chief-executive"), ("policeEmail", "chief-constable"), ("masaChairEmail", "masa-chair"),
                     ("independentScrutineerEmail", "independent-scrutineer") })
            await lead.Locator($"#{field}").FillAsync(LetterSteps.AddresseeEmail(area, role));
        string[][] signatories = [["Yvette Stanley", "National Director, Regulation and Social Care"], ["Dr Sean O'Kelly", "Chief Inspector of Healthcare"], ["Michelle Skeer", "His Majesty's Inspector of Constabulary"]];
        for (var i = 0; i < 3; i++)
        {
            await lead.Locator($"#signatory-name-{i}").FillAsync(signatories[i][0]);
            await lead.Locator($"#signatory-title-{i}").FillAsync(signatories[i][1]);
        }
        await lead.GetByRole(AriaRole.Button, new() { Name = "Draft the letter" }).ClickAsync();
        Assert.Contains("Letter drafted from the agreed findings (version 1).", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Drafting", await lead.Locator("#letter-steps").InnerTextAsync());
        await lead.ShouldBeAccessible("letter-drafted");

        await lead.Locator("#opening").FillAsync("This letter sets out the findings of the joint targeted area inspection of the front door in Rotherham.");
        await lead.Locator("#note").FillAsync("Opening in plain words");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save a new version" }).ClickAsync();
        Assert.Contains("Letter saved as version 2.", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("joint targeted area inspection of the front door in Rotherham", await lead.Locator(".app-letter").InnerTextAsync());

        // Sending before QA: the platform names the missing gate.
        await lead.GetByRole(AriaRole.Button, new() { Name = "Send the draft to the DCS" }).ClickAsync();
        Assert.Contains("has not checked version 2", await lead.Locator(".govuk-error-summary").InnerTextAsync());
        await lead.ShouldBeAccessible("letter-send-refused");

        var qa = await fixture.SignedIn("qa-manager", "ofsted", subject: agreed.Qa.UserId, name: "Quinn QA");
        await qa.GotoAsync($"/inspections/{id}/letter");
        await qa.GetByRole(AriaRole.Button, new() { Name = "Confirm quality assurance of version 2" }).ClickAsync();
        Assert.Contains("Quality assurance recorded for the current version.", await qa.Locator(".govuk-notification-banner").InnerTextAsync());

        var manager = await fixture.SignedIn("manager", "ofsted", subject: "manager-ofsted-rotherham", name: "Mo Manager");
        await manager.GotoAsync($"/inspections/{id}/letter");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Agree version 2 for Ofsted" }).ClickAsync();
        Assert.Contains("Ofsted agrees the current version.", await manager.Locator(".govuk-notification-banner").InnerTextAsync());
        await manager.ShouldBeAccessible("letter-agreed");
        var letterPath = $"/api/orchestrator/inspections/{id}/letter";
        foreach (var inspectorate in new[] { "cqc", "hmicfrs" })
        {
            using var other = Platform.Client(await Platform.Tokens.Staff("manager", inspectorate, $"manager-{inspectorate}-rotherham"));
            await (await other.PostAsync($"{letterPath}/agreements", null)).Expect(HttpStatusCode.OK);
        }

        await lead.GotoAsync($"/inspections/{id}/letter");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Send the draft to the DCS" }).ClickAsync();
        Assert.Contains("Draft sent to the director of children's services", await lead.Locator(".govuk-notification-banner").InnerTextAsync());

        using (var dcsApi = Platform.Client(await Platform.Tokens.Partner(area, "local-authority", $"dcs-{area}")))
        {
            var comment = await (await dcsApi.PostJson($"{letterPath}/factual-accuracy/comments", new { paragraph = "main-1", comment = "The MASH is called the Front Door." }))
                .Expect(HttpStatusCode.Created);
            using var leadApi = await Platform.As(agreed.Lead);
            await (await leadApi.PostJson($"{letterPath}/factual-accuracy/comments/{comment["id"]}/decision", new { decision = "accepted", reason = "Its local name." }))
                .Expect(HttpStatusCode.OK);
        }
        await lead.GotoAsync($"/inspections/{id}/letter");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Issue the final letter" }).ClickAsync();
        Assert.Contains("Final letter issued to the partnership, under embargo until publication.", await lead.Locator(".govuk-notification-banner").InnerTextAsync());
        await lead.ShouldBeAccessible("letter-final-issued");
        // Sent means delivered: the page lists each notice of the letter and where its delivery stands.
        using (var leadApi = await Platform.As(agreed.Lead))
            await Testing.Platform.WaitUntil(async () => (await (await leadApi.GetAsync(letterPath)).Expect(HttpStatusCode.OK))["surveySentAt"] is System.Text.Json.Nodes.JsonValue,
                TimeSpan.FromSeconds(60), "the questionnaire's request to reach the DCS");
        await lead.GotoAsync($"/inspections/{id}/letter");
        var delivered = await lead.Locator("table:has-text('Deliveries')").InnerTextAsync();
        Assert.Contains("Evaluation questionnaire", delivered);
        Assert.Contains($"Pat Lee ({LetterSteps.AddresseeEmail(area, "masa-chair")})", delivered);
        await lead.ShouldBeAccessible("letter-deliveries");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Version 1", Exact = true }).ClickAsync();
        Assert.Equal("Letter version 1", await lead.Heading());
        await lead.ShouldBeAccessible("letter-version");

        var dcs = await fixture.SignedIn("partner-agency", area: area, agency: "local-authority", subject: "rotherham-dcs", name: "Rotherham DCS");
        await dcs.GotoAsync($"/inspections/{id}");
        await dcs.GetByRole(AriaRole.Link, new() { Name = "Final letter" }).ClickAsync();
        Assert.Contains("Under embargo until", await dcs.InnerTextAsync("main"));
        Assert.Contains("joint targeted area inspection of the front door in Rotherham", await dcs.InnerTextAsync("main"));
        await dcs.ShouldBeAccessible("final-letter");

        await dcs.GotoAsync($"/inspections/{id}");
        await dcs.GetByRole(AriaRole.Link, new() { Name = "Post-inspection questionnaire" }).ClickAsync();
        await dcs.ShouldBeAccessible("survey");
        await dcs.Locator("#answer-0").FillAsync("The inspection team kept us informed every day.");
        await dcs.GetByRole(AriaRole.Button, new() { Name = "Send your answers" }).ClickAsync();
        Assert.Contains("Thank you: your answers are with the inspectorates.", await dcs.Locator(".govuk-notification-banner").InnerTextAsync());

        await lead.GotoAsync($"/inspections/{id}/survey");
        Assert.Contains("The inspection team kept us informed every day.", await lead.InnerTextAsync("main"));
        await lead.ShouldBeAccessible("survey-answers");
    }
}
