using System.Net;
using System.Net.Http.Json;
using Jtai.Platform.Tests.InformationRequests;
using Jtai.Testing.AnnexA;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>
/// Week 1–2 for the partners in the browser: the police's and health's answers about the 30 children (¶98),
/// then the police's case records of the children selected for audit (¶103); a local authority's list of
/// multi-agency audits (¶96), a performance item (¶108) and the partnership's audits (¶106).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PartnerAnswersAndDocumentsTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_police_and_health_answer_about_the_30_children_then_the_police_share_a_case_record_of_a_child_selected_for_audit()
    {
        const string area = "E08000033";
        var id = await Platform.InspectionWithJointTeam(area, "Calderdale");
        var lists = new AnnexAFiles(seed: 33, DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime), children: 400);
        using (var la = Platform.Client(await Platform.Tokens.Partner(area, "local-authority")))
            foreach (var (list, rows) in new[] { (1, 600), (2, 200), (3, 300), (4, 200), (5, 120) })
                await (await la.UploadList(id, list, lists.List(list, rows).ToCsvBytes())).Expect(HttpStatusCode.Created);
        using var leadApi = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted", WebSteps.Lead));
        var proposal = await (await leadApi.GetAsync($"{Exchange.Selection(id)}/proposal")).Expect(HttpStatusCode.OK);
        var thirty = proposal["children"]!.AsArray().Select(c => c!["childId"]!.GetValue<string>()).ToList();

        var police = await fixture.SignedIn("partner-agency", area: area, agency: "police", subject: "calderdale-police", name: "West Yorkshire Police");
        await police.GotoAsync($"/inspections/{id}");
        await police.Locator(".govuk-task-list__item", new() { HasText = "Police answers for the 30 children" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal("Answers about the 30 children", await police.Heading());
        Assert.Contains("has not selected the 30 children yet", await police.InnerTextAsync("main"));
        await police.ShouldBeAccessible();

        await (await leadApi.PutAsJsonAsync($"{Exchange.Selection(id)}/thirty", new { childIds = thirty }, Api.Json)).Expect(HttpStatusCode.OK);
        await police.ReloadAsync();
        Assert.Contains("0 of 30 children answered.", await police.InnerTextAsync("main"));
        await police.ShouldBeAccessible("answers-30");

        // One question of one child answered: the platform names the other, and the page links to it.
        var firstChild = await police.Locator("tbody th").First.InnerTextAsync();
        await police.Locator($"#{WebAnchor(0, "childKnownToPolice")}").CheckAsync();
        await police.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        var summary = police.Locator(".govuk-error-summary");
        Assert.Contains($"Answer \"Are the parents or carers known to the police?\" for child {firstChild}", await summary.InnerTextAsync());
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.Equal(WebAnchor(0, "parentsOrCarersKnownToPolice"), await police.EvaluateAsync<string>("document.activeElement.id"));
        Assert.True(await police.Locator($"#{WebAnchor(0, "childKnownToPolice")}").IsCheckedAsync(), "what was chosen is kept");
        await police.ShouldBeAccessible("answers-errors");

        foreach (var no in await police.Locator("input[type=radio][value=no]").AllAsync()) await no.CheckAsync();
        await police.Locator($"#{WebAnchor(0, "childKnownToPolice")}").CheckAsync();
        await police.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        Assert.Contains("Answers saved for 30 children. 30 of 30 children answered.", await police.Locator(".govuk-notification-banner").InnerTextAsync());
        await police.ShouldBeAccessible("answers-saved");
        await police.GotoAsync($"/inspections/{id}");
        await police.ReloadUntil(".govuk-task-list__item:has-text('Police answers for the 30 children')", "Received on time");

        // Health answers its own question about each child, and sees nothing of the police's.
        var health = await fixture.SignedIn("partner-agency", area: area, agency: "health", subject: "calderdale-health", name: "Calderdale ICB");
        await health.GotoAsync($"/inspections/{id}");
        await health.Locator(".govuk-task-list__item", new() { HasText = "Health answers for the 30 children" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.Contains("0 of 30 children answered.", await health.InnerTextAsync("main"));
        Assert.Equal(0, await health.Locator("input[id$='-parentsOrCarersKnownToPolice-0']").CountAsync());
        await health.ShouldBeAccessible("answers-30-health");
        foreach (var no in await health.Locator("input[type=radio][value=no]").AllAsync()) await no.CheckAsync();
        await health.Locator("tbody tr").First.Locator("input[type=radio][value=yes]").First.CheckAsync();
        await health.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        Assert.Contains("Answers saved for 30 children. 30 of 30 children answered.", await health.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Equal("yes", await health.Locator("tbody tr").First.Locator("input[type=radio]:checked").First.GetAttributeAsync("value"));
        await health.GotoAsync($"/inspections/{id}");
        await health.ReloadUntil(".govuk-task-list__item:has-text('Health answers for the 30 children')", "Received on time");

        // The lead selects 5 for audit; the police share a case record of one of them.
        await (await leadApi.PutAsJsonAsync($"{Exchange.Selection(id)}/audit", new { childIds = thirty.Take(5) }, Api.Json)).Expect(HttpStatusCode.OK);
        await police.Locator(".govuk-task-list__item", new() { HasText = "Police case records of the children audited" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal("Police case records of the children audited", await police.Heading());
        await police.ShouldBeAccessible("case-records");

        await police.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var errors = await police.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("Select the child the document is about", errors);
        Assert.Contains("Select the document to upload", errors);
        await police.ShouldBeAccessible("case-records-errors");

        // A file that is not what its name says: the platform's problem names it.
        await police.Locator("#childId").SelectOptionAsync(thirty[2]);
        await police.Locator("#recordType").SelectOptionAsync("crime-reports");
        await police.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "crime.pdf", MimeType = "application/pdf", Buffer = "not a pdf"u8.ToArray() });
        await police.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        Assert.Contains("'crime.pdf' does not hold .pdf content.", await police.Locator(".govuk-error-summary").InnerTextAsync());

        await police.Locator("#childId").SelectOptionAsync(thirty[2]);
        await police.Locator("#recordType").SelectOptionAsync("crime-reports");
        await police.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "crime.pdf", MimeType = "application/pdf", Buffer = Exchange.Pdf("crime reports") });
        await police.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        Assert.Contains("crime.pdf received (version 1).", await police.Locator(".govuk-notification-banner").InnerTextAsync());
        var table = await police.Locator("table").InnerTextAsync();
        Assert.Contains(thirty[2], table);
        Assert.Contains("Crime reports", table);
        await police.ShouldBeAccessible("case-records-shared");
    }

    [Fact]
    public async Task A_local_authority_shares_its_list_of_multi_agency_audits_a_performance_item_and_the_partnership_audits_and_sees_them_received()
    {
        const string area = "E08000034";
        var id = await Platform.InspectionWithJointTeam(area, "Kirklees");
        var page = await fixture.SignedIn("partner-agency", area: area, agency: "local-authority", subject: "kirklees-la");
        await page.GotoAsync($"/inspections/{id}");
        await page.Locator(".govuk-task-list__item", new() { HasText = "List of multi-agency audits" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal("List of multi-agency audits of the last 6 months", await page.Heading());
        await page.ShouldBeAccessible("audit-list");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "audits.exe", MimeType = "application/octet-stream", Buffer = "MZ"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        Assert.Contains("'audits.exe': documents may be", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.ShouldBeAccessible("audit-list-errors");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "audits.pdf", MimeType = "application/pdf", Buffer = Exchange.Pdf("audits") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        Assert.Contains("audits.pdf received (version 1).", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Current", await page.Locator("table").InnerTextAsync());
        await page.GotoAsync($"/inspections/{id}");
        await page.ReloadUntil(".govuk-task-list__item:has-text('List of multi-agency audits')", "Received on time");
        await page.ShouldBeAccessible();

        // A performance and management information item (¶108), from the task list.
        await page.Locator(".govuk-task-list__item", new() { HasText = "1.1 Local authority organisational structures" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal("1.1 Local authority organisational structures", await page.Heading());
        // The item states the period it covers (Annex A ¶108): structures as they stand when the inspection is notified.
        Assert.Contains("As in force when the inspection is notified", await page.Locator("#period").InnerTextAsync());
        await page.ShouldBeAccessible("performance-item");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        Assert.Contains("Select the document to upload", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "structure.pdf", MimeType = "application/pdf", Buffer = Exchange.Pdf("structure") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        Assert.Contains("structure.pdf received (version 1).", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.Contains("Not stated", await page.Locator("table").InnerTextAsync());

        // The partnership's audits (¶106): before the children for audit are chosen, the summary of themes alone.
        await page.GotoAsync($"/inspections/{id}");
        await page.Locator(".govuk-task-list__item", new() { HasText = "Partnership's audits of the children" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.Contains("You can share the summary of themes and learning now.", await page.InnerTextAsync("main"));
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "themes.pdf", MimeType = "application/pdf", Buffer = Exchange.Pdf("themes") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        Assert.Contains("Select what you are sharing", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.ShouldBeAccessible("partnership-audits-errors");
        await page.Locator("#evaluation-2").CheckAsync();
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "themes.pdf", MimeType = "application/pdf", Buffer = Exchange.Pdf("themes") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        Assert.Contains("themes.pdf received (version 1).", await page.Locator(".govuk-notification-banner").InnerTextAsync());
        await page.ShouldBeAccessible("partnership-audits");
        await page.GotoAsync($"/inspections/{id}");
        await page.ReloadUntil(".govuk-task-list__item:has-text('1.1 Local authority organisational structures')", "Received on time");
    }

    private static string WebAnchor(int row, string question) => $"answer-{row}-{question}-0";
}
