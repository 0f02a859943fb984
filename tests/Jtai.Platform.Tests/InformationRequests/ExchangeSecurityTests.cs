using System.Net;
using Jtai.Testing.AnnexA;
using Xunit;

namespace Jtai.Platform.Tests.InformationRequests;

/// <summary>Children's personal data: who may upload, who may read, and what a partner sees (¶92–93, DESIGN: least privilege).</summary>
[Collection(PlatformCollection.Name)]
public sealed class ExchangeSecurityTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_partner_cannot_read_child_level_data_nor_another_areas_inspection_and_only_the_local_authority_uploads_lists()
    {
        var id = await Platform.InspectionWithTeam();
        var list = new AnnexAFiles(seed: 31, DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime), children: 100).List(1, 200);
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));
        await (await la.UploadList(id, 1, list.ToCsvBytes())).Expect(HttpStatusCode.Created);

        // The uploader sees its upload, never the rows as child-level data, the proposal or the selection.
        Assert.Single(await la.AllPages($"{Exchange.Base(id)}/annex-a/uploads"));
        (await la.GetAsync($"{Exchange.Base(id)}/annex-a/lists/1/rows")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await la.GetAsync($"{Exchange.Selection(id)}/proposal")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await la.GetAsync(Exchange.Selection(id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await la.GetAsync($"{Exchange.Base(id)}/audit-log")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The rest of Ofsted's API stays closed to partners.
        (await la.GetAsync($"/api/ofsted/inspections/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Straight to the service, bypassing the gateway: the service checks again.
        using (var direct = Platform.DirectClient("ofsted", await Platform.Tokens.Partner(Steps.Area, "local-authority")))
            (await direct.GetAsync($"{Exchange.Base(id)}/annex-a/lists/1/rows")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The police upload no Annex A list; police of another area do not even see the inspection.
        using var police = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "police"));
        (await police.UploadList(id, 1, list.ToCsvBytes())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Assert.Empty(await police.AllPages($"{Exchange.Base(id)}/annex-a/uploads"));
        using var otherPolice = Platform.Client(await Platform.Tokens.Partner("E08000026", "police"));
        (await otherPolice.GetAsync($"{Exchange.Base(id)}/annex-a/uploads")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherPolice.GetAsync($"{Exchange.Selection(id)}/asked")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherPolice.GetAsync($"/api/orchestrator/inspections/{id}/information-requests")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var otherLa = Platform.Client(await Platform.Tokens.Partner("E08000026", "local-authority"));
        (await otherLa.UploadList(id, 1, list.ToCsvBytes())).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Ofsted staff off the team, and other inspectorates' staff, read no child-level data.
        using var offTeam = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted", subject: "ofsted-someone-else"));
        (await offTeam.GetAsync($"{Exchange.Base(id)}/annex-a/lists/1/rows")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var cqc = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc"));
        (await cqc.GetAsync($"{Exchange.Base(id)}/annex-a/lists/1/rows")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Documents_are_filed_against_their_item_by_the_agency_asked_within_type_and_size_limits_and_each_partner_sees_its_own_items()
    {
        var id = await Platform.InspectionWithTeam();
        using var la = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "local-authority"));
        using var police = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "police"));
        using var masa = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "masa"));

        await (await la.UploadDocument(id, "performance/1.1", Exchange.Pdf("structure"), "structure.pdf")).Expect(HttpStatusCode.Created);
        await (await police.UploadDocument(id, "performance/3.4", Exchange.Pdf("referral form"), "referral.pdf")).Expect(HttpStatusCode.Created);
        await (await masa.UploadDocument(id, "performance/2.6", Exchange.Pdf("yearly report"), "report.pdf")).Expect(HttpStatusCode.Created);
        await (await police.UploadDocument(id, "audit-list", "Audit,Date\nMASH audit,01/03/2026\n"u8.ToArray(), "audits.csv", "text/csv")).Expect(HttpStatusCode.Created);
        // Filed against someone else's item, an unknown item, the wrong type or a renamed file: refused.
        (await police.UploadDocument(id, "performance/1.1", Exchange.Pdf("x"), "x.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        Assert.NotNull((await (await la.UploadDocument(id, "performance/9.9", Exchange.Pdf("x"), "x.pdf")).ExpectProblem(HttpStatusCode.BadRequest))["errors"]!["item"]);
        Assert.NotNull((await (await la.UploadDocument(id, "performance/1.2", [0x4D, 0x5A, 0x90, 0x00], "tool.exe", "application/octet-stream"))
            .ExpectProblem(HttpStatusCode.BadRequest))["errors"]!["file"]);
        Assert.NotNull((await (await la.UploadDocument(id, "performance/1.2", [0x4D, 0x5A, 0x90, 0x00], "report.pdf"))
            .ExpectProblem(HttpStatusCode.BadRequest))["errors"]!["file"]);
        var tooBig = new byte[25 * 1024 * 1024 + 1];
        Exchange.Pdf("big").CopyTo(tooBig, 0);
        await (await la.UploadDocument(id, "performance/1.2", tooBig, "big.pdf")).ExpectProblem(HttpStatusCode.RequestEntityTooLarge);
        // Over the service's own request limit too (Kestrel's 30 MB) but within the gateway's 32 MB route: still the 413 problem, never a 502.
        var overServer = new byte[31_000_000];
        Exchange.Pdf("bigger").CopyTo(overServer, 0);
        await (await la.UploadDocument(id, "performance/1.2", overServer, "bigger.pdf")).ExpectProblem(HttpStatusCode.RequestEntityTooLarge);

        // A re-upload is version 2; the first stays as history.
        var second = await (await la.UploadDocument(id, "performance/1.1", Exchange.Pdf("structure v2"), "structure-v2.pdf")).Expect(HttpStatusCode.Created);
        Assert.Equal(2, second["version"]!.GetValue<int>());

        // Each partner lists what it filed; the team lists everything.
        var mine = await police.AllPages($"{Exchange.Base(id)}/documents");
        Assert.All(mine, d => Assert.Equal("police", d!["agency"]!.GetValue<string>()));
        Assert.Equal(2, mine.Count);
        using var lead = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        Assert.Equal(5, (await lead.AllPages($"{Exchange.Base(id)}/documents")).Count);

        // The checklist: the team sees every item; the police only the items asked of the police, with their own deliveries.
        var item11 = await lead.ChecklistItemReceived(id, "performance/1.1", "local-authority");
        await lead.ChecklistItemReceived(id, "performance/2.6", "masa");
        await lead.ChecklistItemReceived(id, "audit-list", "police");
        Assert.Equal("on-time", item11["status"]!.GetValue<string>());
        var policeView = await (await police.GetAsync($"/api/orchestrator/inspections/{id}/information-requests")).Expect(HttpStatusCode.OK);
        var keys = policeView["items"]!.AsArray().Select(i => i!["key"]!.GetValue<string>()).ToList();
        Assert.Contains("performance/3.4", keys);
        Assert.Contains("selection-answers/police", keys);
        Assert.DoesNotContain("performance/1.1", keys);
        Assert.DoesNotContain("annex-a/list-1", keys);
        Assert.DoesNotContain("selection-answers/health", keys);
        Assert.Equal(8 + 4, keys.Count); // 3.1–3.8, answers, case records, and the audit list and audits any partner gives
        var teamView = await (await lead.GetAsync($"/api/orchestrator/inspections/{id}/information-requests")).Expect(HttpStatusCode.OK);
        Assert.Equal(5 + 1 + 1 + 2 + 1 + 3 + 36 + 1, teamView["items"]!.AsArray().Count);
    }
}
