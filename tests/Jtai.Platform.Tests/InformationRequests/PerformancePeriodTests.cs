using System.Globalization;
using System.Net;
using Jtai.Calendar.WorkingDays;
using Xunit;

namespace Jtai.Platform.Tests.InformationRequests;

/// <summary>
/// Annex A's performance items state the periods they cover (¶108, ¶8): the checklist gives each item's period with its dates for the
/// inspection, and an upload records the period it was filed against and the dates the partner states, flagging a span outside it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PerformancePeriodTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Each_performance_item_states_its_period_and_an_upload_records_it_flagging_dates_outside_it()
    {
        var id = await Platform.InspectionWithTeam(area: "E08000035");
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var checklist = await (await lead.GetAsync($"/api/orchestrator/inspections/{id}/information-requests")).Expect(HttpStatusCode.OK);
        var items = checklist["items"]!.AsArray().ToDictionary(i => i!["key"]!.GetValue<string>(), i => i!);

        // 1.4 practice audits: the 12 months before the inspection; 2.7 reviews: 18; 3.5: the 3 most recent sets of minutes;
        // 1.1 structures: as in force; 1.2 management information: ¶8's six months. Every performance item states one.
        var audits = items["performance/1.4"]["period"]!;
        Assert.Equal("months-before-notification", audits["kind"]!.GetValue<string>());
        Assert.Equal(12, audits["months"]!.GetValue<int>());
        var to = DateOnly.Parse(audits["to"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal(to.AddMonths(-12), DateOnly.Parse(audits["from"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.Equal("The 12 months before the inspection", audits["text"]!.GetValue<string>());
        Assert.Equal(18, items["performance/2.7"]["period"]!["months"]!.GetValue<int>());
        Assert.Equal("The 3 most recent", items["performance/3.5"]["period"]!["text"]!.GetValue<string>());
        Assert.Null(items["performance/3.5"]["period"]!["from"]);
        Assert.Equal("in-force", items["performance/1.1"]["period"]!["kind"]!.GetValue<string>());
        Assert.Equal(6, items["performance/1.2"]["period"]!["months"]!.GetValue<int>());
        Assert.All(items.Where(i => i.Key.StartsWith("performance/", StringComparison.Ordinal)), i => Assert.NotNull(i.Value["period"]));

        using var la = Platform.Client(await Platform.Tokens.Partner("E08000035", "local-authority"));
        var today = LondonTime.Today(Platform.Clock);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var documents = $"{Exchange.Base(id)}/documents/performance/1.4";

        // Dates that are not dates, or end before they start: refused by field, nothing stored.
        var bad = await (await la.PostAsync($"{documents}?coversFrom=01/06/2026", Exchange.File(Exchange.Pdf("audits"), "audits.pdf", "application/pdf")))
            .ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["coversFrom"]);
        var backwards = await (await la.PostAsync($"{documents}?coversFrom={Day(today.AddMonths(-1))}&coversTo={Day(today.AddMonths(-2))}",
            Exchange.File(Exchange.Pdf("audits"), "audits.pdf", "application/pdf"))).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(backwards["errors"]!["coversTo"]);

        // Within the 12 months: recorded with the item's period and the stated dates, no warning.
        var within = await (await la.PostAsync($"{documents}?coversFrom={Day(today.AddMonths(-11))}&coversTo={Day(today.AddDays(-7))}",
            Exchange.File(Exchange.Pdf("audits"), "audits.pdf", "application/pdf"))).Expect(HttpStatusCode.Created);
        Assert.Equal("months-before-notification", within["period"]!["kind"]!.GetValue<string>());
        Assert.Equal(Day(today.AddMonths(-11)), within["period"]!["coversFrom"]!.GetValue<string>());
        Assert.Null(within["period"]!["warning"]);

        // Audits from two years back: kept, flagged with the item and its period, never accepted silently nor refused.
        var old = await (await la.PostAsync($"{documents}?coversFrom={Day(today.AddYears(-2))}&coversTo={Day(today.AddYears(-2).AddMonths(3))}",
            Exchange.File(Exchange.Pdf("old audits"), "old-audits.pdf", "application/pdf"))).Expect(HttpStatusCode.Created);
        var warning = old["period"]!["warning"]!.GetValue<string>();
        Assert.Contains("1.4", warning);
        Assert.Contains("the 12 months before the inspection", warning);
        Assert.Equal(2, old["version"]!.GetValue<int>());

        // Without stated dates the upload still records the period it was filed against.
        var structure = await (await la.UploadDocument(id, "performance/1.1", Exchange.Pdf("structure"), "structure.pdf")).Expect(HttpStatusCode.Created);
        Assert.Equal("in-force", structure["period"]!["kind"]!.GetValue<string>());
        Assert.Null(structure["period"]!["coversFrom"]);

        // The team reads the recorded period and the flag on the list of documents.
        var listed = await lead.AllPages($"{Exchange.Base(id)}/documents");
        Assert.Contains(listed, d => d!["fileName"]!.GetValue<string>() == "old-audits.pdf" && d["period"]!["warning"] is not null);
    }
}
