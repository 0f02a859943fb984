using System.Net;
using Xunit;
using static Jtai.Platform.Tests.Intelligence.IntelligenceSteps;

namespace Jtai.Platform.Tests.Intelligence;

/// <summary>
/// Concerns and exceptional practice seen by each inspectorate's own programme are shared with the
/// others (programme note ¶7–8); staff read an area's intelligence, every read logged; partners never see it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IntelligenceTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;
    private DateOnly Today => DateOnly.FromDateTime(Platform.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_concern_recorded_by_hmicfrs_reaches_ofsted_and_cqc_and_each_read_of_the_area_is_logged()
    {
        const string area = "E06000047";
        var shared = await Platform.Share("hmicfrs", Concern(area, "County Durham", "peel", Today.AddDays(-20)), subject: "int-hmicfrs-1");
        var id = shared["id"]!.GetValue<Guid>();
        Assert.Equal("hmicfrs", shared["sharedBy"]!.GetValue<string>());
        Assert.Equal("int-hmicfrs-1", shared["recordedBy"]!.GetValue<string>());

        // Each of the other inspectorates keeps what it received, saying who shared it, from which programme and when it was seen.
        foreach (var inspectorate in new[] { "ofsted", "cqc" })
        {
            var received = await Platform.ReceivedBy(inspectorate, area, id, subject: $"int-{inspectorate}-reader");
            Assert.Equal("hmicfrs", received["sharedBy"]!.GetValue<string>());
            Assert.Equal("peel", received["programme"]!.GetValue<string>());
            Assert.Equal("concern", received["kind"]!.GetValue<string>());
            Assert.Equal(Today.AddDays(-20), DateOnly.Parse(received["observedOn"]!.GetValue<string>()));
            Assert.NotNull(received["receivedAt"]);
        }

        // HMICFRS holds its own record once: its own message coming back on the bus adds nothing.
        using var hmicfrs = Platform.Client(await Platform.Tokens.Staff("inspector", "hmicfrs", "int-hmicfrs-1"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var own = await hmicfrs.AllPages($"/api/hmicfrs/areas/{area}/intelligence");
        var mine = Assert.Single(own, r => r!["id"]!.GetValue<Guid>() == id);
        Assert.Null(mine!["receivedAt"]);

        // Every read is logged with the reader, for Ofsted's managers to see.
        using var manager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted", "int-ofsted-manager"));
        var reads = await manager.AllPages($"/api/ofsted/intelligence/reads?localAreaCode={area}");
        var read = reads.First(r => r!["readerId"]!.GetValue<string>() == "int-ofsted-reader");
        Assert.Equal("ofsted", read!["readerInspectorate"]!.GetValue<string>());
        Assert.Equal(area, read["localAreaCode"]!.GetValue<string>());
        Assert.True(read["records"]!.GetValue<int>() >= 1);
        // An inspector does not see who read what.
        using var inspector = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted", "int-ofsted-reader"));
        (await inspector.GetAsync("/api/ofsted/intelligence/reads")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Partners_never_see_intelligence_and_one_inspectorate_does_not_read_anothers_store()
    {
        const string area = "E06000005";
        await Platform.Share("cqc", new
        {
            localAreaCode = area, localAreaName = "Darlington", kind = "exceptional-practice", programme = "children-looked-after-and-safeguarding",
            what = "Health visitors and the MASH share information about unborn babies within a day.", observedOn = Today.AddDays(-3),
        });

        foreach (var agency in new[] { "local-authority", "health", "police" })
        {
            var partner = await Platform.Tokens.Partner(area, agency);
            foreach (var inspectorate in new[] { "ofsted", "cqc", "hmicfrs" })
            {
                using var viaGateway = Platform.Client(partner);
                (await viaGateway.GetAsync($"/api/{inspectorate}/areas/{area}/intelligence")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
                using var direct = Platform.DirectClient(inspectorate, partner);
                (await direct.GetAsync($"/api/{inspectorate}/areas/{area}/intelligence")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
                (await direct.PostJson($"/api/{inspectorate}/intelligence", Concern(area, "Darlington", "peel", Today))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            }
        }
        // Operations staff run the platform, not the programme: refused too.
        using var operations = Platform.DirectClient("cqc", await Platform.Tokens.Operations());
        (await operations.GetAsync($"/api/cqc/areas/{area}/intelligence")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A CQC inspector reads CQC's store, not Ofsted's (Ofsted holds its own copy of what CQC shared).
        using var cqc = Platform.DirectClient("ofsted", await Platform.Tokens.Staff("inspector", "cqc"));
        (await cqc.GetAsync($"/api/ofsted/areas/{area}/intelligence")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_record_names_its_programme_kind_and_area_and_refers_to_people_by_role_not_name()
    {
        using var cqc = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc"));
        var empty = await (await cqc.PostJson("/api/cqc/intelligence", new { })).ExpectProblem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "localAreaCode", "localAreaName", "kind", "programme", "what", "observedOn" })
            Assert.NotNull(empty["errors"]![field]);

        // Another inspectorate's programme, an unknown kind, a future date, a named person, an unknown agency.
        var wrong = await (await cqc.PostJson("/api/cqc/intelligence", new
        {
            localAreaCode = "Durham", localAreaName = "County Durham", kind = "rumour", programme = "peel",
            what = "Mrs Patel, the named nurse, could not say who held the plan.", observedOn = Today.AddDays(2), agencies = new[] { "army" },
        })).ExpectProblem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "localAreaCode", "kind", "programme", "what", "observedOn", "agencies[0]" })
            Assert.NotNull(wrong["errors"]![field]);
        Assert.Contains("Mrs Patel", wrong["errors"]!["what"]![0]!.GetValue<string>());

        (await cqc.GetAsync("/api/cqc/areas/not-an-area/intelligence")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
