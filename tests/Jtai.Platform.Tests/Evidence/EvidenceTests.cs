using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;
using static Jtai.Platform.Tests.Evidence.EvidenceSteps;

namespace Jtai.Platform.Tests.Evidence;

/// <summary>Each inspectorate's own evidence records: who reads them, data minimisation, edit history.</summary>
[Collection(PlatformCollection.Name)]
public sealed class EvidenceTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Only_the_inspectorates_own_staff_on_the_team_read_its_records_a_cqc_inspector_reading_ofsted_evidence_gets_403()
    {
        var ofsted = new Member("ev-ofsted-1", "ofsted", "inspector");
        var cqc = new Member("ev-cqc-1", "cqc", "inspector");
        var id = await Platform.InspectionWithTeam("E08000027", "Dudley", ofsted, cqc);

        using var ofstedClient = await Platform.As(ofsted);
        var record = await ofstedClient.WriteRecord("ofsted", id, Record(Platform.Clock.GetUtcNow()));
        Assert.Equal(["EC3", "EC7"], record["criteria"]!.AsArray().Select(c => c!.GetValue<string>()));
        (await ofstedClient.GetAsync($"/api/ofsted/inspections/{id}/evidence")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A CQC inspector on the same team: refused by the gateway, and by Ofsted's service itself.
        var cqcToken = await Platform.Tokens.Staff(cqc.Role, cqc.Inspectorate, cqc.UserId);
        using var cqcClient = Platform.Client(cqcToken);
        (await cqcClient.GetAsync($"/api/ofsted/inspections/{id}/evidence")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var cqcDirect = Platform.DirectClient("ofsted", cqcToken);
        (await cqcDirect.GetAsync($"/api/ofsted/inspections/{id}/evidence/{record["id"]}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // CQC's own records are theirs to read.
        (await cqcClient.GetAsync($"/api/cqc/inspections/{id}/evidence")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Ofsted staff who are not on this inspection's team are refused too.
        using var outsider = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted", "ev-ofsted-outsider"));
        (await outsider.GetAsync($"/api/ofsted/inspections/{id}/evidence")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await outsider.PostJson($"/api/ofsted/inspections/{id}/evidence", Record(Platform.Clock.GetUtcNow()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Each inspectorate has its own retention policy, shown to its own managers only.
        using var cqcManager = Platform.Client(await Platform.Tokens.Staff("manager", "cqc", "ev-cqc-manager"));
        var cqcPolicy = await (await cqcManager.GetAsync("/api/cqc/retention")).Expect(HttpStatusCode.OK);
        Assert.Equal(96, cqcPolicy["policy"]!["periodMonths"]!.GetValue<int>());
        (await cqcManager.GetAsync("/api/ofsted/retention")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var ofstedManager = Platform.Client(await Platform.Tokens.Staff("manager", "ofsted", "ev-ofsted-manager"));
        var ofstedPolicy = await (await ofstedManager.GetAsync("/api/ofsted/retention")).Expect(HttpStatusCode.OK);
        Assert.Equal(72, ofstedPolicy["policy"]!["periodMonths"]!.GetValue<int>());
        (await cqcClient.GetAsync("/api/cqc/retention")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_name_without_a_reason_is_refused_edits_keep_history_and_remove_names_strips_them_from_record_and_history()
    {
        var inspector = new Member("ev-hmicfrs-1", "hmicfrs", "inspector");
        var id = await Platform.InspectionWithTeam("E08000028", "Sandwell", inspector);
        using var client = await Platform.As(inspector);
        var now = Platform.Clock.GetUtcNow();

        var unreasoned = await client.PostJson($"/api/hmicfrs/inspections/{id}/evidence", Record(now,
            people: [new { initials = "J.S.", role = "detective sergeant", name = "Jane Smith" }]));
        var problem = await unreasoned.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["people[0].nameReason"]);

        var titled = await client.PostJson($"/api/hmicfrs/inspections/{id}/evidence", Record(now, text: "Mrs Patel, the MASH manager, explained the triage."));
        Assert.NotNull((await titled.ExpectProblem(HttpStatusCode.BadRequest))["errors"]!["text"]);

        var badCriteria = await client.PostJson($"/api/hmicfrs/inspections/{id}/evidence", Record(now, criteria: ["EC3", "EC23"]));
        Assert.NotNull((await badCriteria.ExpectProblem(HttpStatusCode.BadRequest))["errors"]!["criteria[1]"]);

        var created = await client.WriteRecord("hmicfrs", id, AddMeeting(Record(now,
            text: "DS Jane Smith (J.S.) attended both the strategy meeting and the police referral for child 4471.",
            people: [new { initials = "JS", role = "detective sergeant", name = "Jane Smith", nameReason = "Links the police referral to the strategy meeting" }],
            source: "observation", detail: "strategy-meeting"), now));
        var recordId = created["id"]!.GetValue<Guid>();
        Assert.Equal("Jane Smith", created["people"]![0]!["name"]!.GetValue<string>());

        var edited = await (await client.PutAsJsonAsync($"/api/hmicfrs/inspections/{id}/evidence/{recordId}", new
        {
            source = "observation", sourceDetail = "strategy-meeting", gatheredAt = now.AddHours(-1), meetingAt = now.AddHours(-3),
            criteria = new[] { "EC5" }, agencies = new[] { "police" },
            text = "Jane Smith (J.S.) led the strategy meeting; the plan was clear.",
            people = new[] { new { initials = "JS", role = "detective sergeant", name = "Jane Smith", nameReason = "Connects police and LA records" } },
            revision = 1,
        }, Api.Json)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, edited["revision"]!.GetValue<int>());
        var stale = await client.PutAsJsonAsync($"/api/hmicfrs/inspections/{id}/evidence/{recordId}", new
        {
            source = "document-review", gatheredAt = now.AddHours(-1), criteria = new[] { "EC5" }, agencies = new[] { "police" }, text = "x", revision = 1,
        }, Api.Json);
        Assert.Equal("edit-latest-revision", (await stale.ExpectProblem(HttpStatusCode.Conflict))["rule"]!.GetValue<string>());

        var history = await (await client.GetAsync($"/api/hmicfrs/inspections/{id}/evidence/{recordId}/history")).Expect(HttpStatusCode.OK);
        var first = Assert.Single(history.AsArray())!;
        Assert.Equal(1, first["revision"]!.GetValue<int>());
        Assert.Contains("Jane Smith", first["before"]!["text"]!.GetValue<string>());

        var removed = await (await client.PostAsync($"/api/hmicfrs/inspections/{id}/evidence/{recordId}/remove-names", null)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, removed["recordsChanged"]!.GetValue<int>());
        Assert.Equal(1, removed["revisionsChanged"]!.GetValue<int>());

        var after = await (await client.GetAsync($"/api/hmicfrs/inspections/{id}/evidence/{recordId}")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain("Jane Smith", after.ToJsonString());
        Assert.StartsWith("JS (J.S.) led", after["text"]!.GetValue<string>());
        Assert.Null(after["people"]![0]!["name"]);
        Assert.Equal("JS", after["people"]![0]!["initials"]!.GetValue<string>());
        var historyAfter = await (await client.GetAsync($"/api/hmicfrs/inspections/{id}/evidence/{recordId}/history")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain("Jane Smith", historyAfter.ToJsonString());
    }

    private static object AddMeeting(object record, DateTimeOffset now)
    {
        var node = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(record, Api.Json))!;
        node["meetingAt"] = now.AddHours(-3);
        return node;
    }
}
