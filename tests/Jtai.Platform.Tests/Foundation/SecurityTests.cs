using System.Net;
using System.Text;
using Xunit;

using Jtai.Platform.Tests.Lifecycle;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>Who may do what, and how a caller's mistakes are answered, at the gateway and again in each service.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SecurityTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    private object ValidInspection => new
    {
        localAreaCode = "E08000027", localAreaName = "Dudley", theme = "early-help",
        fieldworkStart = Steps.NextFieldworkMonday(Platform.Clock),
    };

    [Fact]
    public async Task No_token_is_401_at_the_gateway_and_at_the_service()
    {
        using var gateway = Platform.Client();
        (await gateway.PostJson("/api/orchestrator/inspections", ValidInspection)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await gateway.GetAsync("/api/cqc/inspections")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var direct = Platform.DirectClient("cqc");
        (await direct.GetAsync("/api/cqc/inspections")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forged_token_is_401()
    {
        var real = await Platform.Tokens.Staff("lead-inspector", "ofsted");
        // The real token is accepted first, so the gateway and the service remember it as validated.
        using (var genuine = Platform.Client(real))
            (await genuine.GetAsync("/api/orchestrator/inspections")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var parts = real.Split('.');
        var forgedPayload = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"sub\":\"x\",\"role\":\"operations\"}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var client = Platform.Client($"{parts[0]}.{forgedPayload}.{parts[2]}");
        (await client.GetAsync("/api/orchestrator/inspections")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_inspectorates_staff_get_403_at_the_gateway_and_at_the_service()
    {
        var cqcInspector = await Platform.Tokens.Staff("inspector", "cqc");
        using var gateway = Platform.Client(cqcInspector);
        (await gateway.GetAsync("/api/ofsted/inspections")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gateway.GetAsync("/api/hmicfrs/inspections")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gateway.GetAsync("/api/cqc/inspections")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Straight to the service, bypassing the gateway: the service checks the token itself.
        using var direct = Platform.DirectClient("ofsted", cqcInspector);
        (await direct.GetAsync("/api/ofsted/inspections")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_partner_or_an_inspector_cannot_schedule_an_inspection()
    {
        foreach (var token in new[]
                 {
                     await Platform.Tokens.Partner(Steps.Area, "local-authority"),
                     await Platform.Tokens.Staff("inspector", "ofsted"),
                     await Platform.Tokens.Staff("lead-inspector", "cqc"),
                 })
        {
            using var client = Platform.Client(token);
            (await client.PostJson("/api/orchestrator/inspections", ValidInspection)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_partner_sees_its_own_areas_inspection_and_not_another_areas()
    {
        var own = (await Platform.ScheduleInspection(area: "E08000028", areaName: "Sandwell"))["id"]!.GetValue<Guid>();
        var other = (await Platform.ScheduleInspection(area: "E08000029", areaName: "Solihull"))["id"]!.GetValue<Guid>();
        using var partner = Platform.Client(await Platform.Tokens.Partner("E08000028", "police"));

        // Nothing of an inspection before the area is notified (¶16), then only its own area's.
        (await partner.GetAsync($"/api/orchestrator/inspections/{own}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Assert.Empty((await (await partner.GetAsync("/api/orchestrator/inspections")).Expect(HttpStatusCode.OK))["items"]!.AsArray());
        foreach (var id in new[] { own, other })
            await (await Platform.Transition(id, "notified")).Expect(HttpStatusCode.OK);
        (await partner.GetAsync($"/api/orchestrator/inspections/{own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await partner.GetAsync($"/api/orchestrator/inspections/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = await partner.AllPages("/api/orchestrator/inspections");
        Assert.Contains(listed, i => i["id"]!.GetValue<Guid>() == own);
        Assert.All(listed, i => Assert.Equal("E08000028", i["localAreaCode"]!.GetValue<string>()));
        // Partners have no route to an inspectorate's own records.
        (await partner.GetAsync("/api/ofsted/inspections")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_the_field()
    {
        using var client = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var response = await client.PostAsync("/api/orchestrator/inspections", new StringContent(
            """{"localAreaCode":"E08000025","localAreaName":"Birmingham","theme":"front-door","fieldworkStart":"next monday"}""",
            Encoding.UTF8, "application/json"));
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["$.fieldworkStart"]);

        var truncated = await client.PostAsync("/api/orchestrator/inspections", new StringContent("""{"localAreaCode":"E08""", Encoding.UTF8, "application/json"));
        await truncated.ExpectProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Missing_and_wrong_fields_are_a_400_problem_naming_each_field_and_nothing_is_stored()
    {
        using var client = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var before = (await client.AllPages("/api/orchestrator/inspections")).Count;

        var response = await client.PostJson("/api/orchestrator/inspections", new { localAreaCode = "Birmingham", theme = "fire-safety" });
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("localAreaCode"));
        Assert.True(errors.ContainsKey("localAreaName"));
        Assert.True(errors.ContainsKey("theme"));
        Assert.True(errors.ContainsKey("fieldworkStart"));

        var after = (await client.AllPages("/api/orchestrator/inspections")).Count;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_body_over_the_routes_limit_is_413()
    {
        using var client = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var huge = new string('x', 1_100_000);
        var response = await client.PostJson("/api/orchestrator/inspections", new { localAreaCode = "E08000025", localAreaName = huge, theme = "front-door" });
        await response.ExpectProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_configured_partner_system_gets_its_token_by_client_credentials()
    {
        var token = await Platform.Tokens.Request(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "partner-E08000025-police",
            ["client_secret"] = "partner-dev-secret",
        });
        using var client = Platform.Client(token);
        (await client.GetAsync("/api/orchestrator/inspections")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Platform.Tokens.Request(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "partner-E08000025-police",
            ["client_secret"] = "wrong",
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Platform.Tokens.Get(new() { ["role"] = "superuser" }));
    }
}
