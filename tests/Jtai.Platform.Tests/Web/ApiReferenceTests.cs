using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>The partner agencies' developers read and try the API from the gateway's reference page, without our code.</summary>
[Collection(WebCollection.Name)]
public sealed class ApiReferenceTests(WebFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_gateway_publishes_each_services_partner_document_with_the_bearer_scheme_and_who_may_call_each_operation()
    {
        using var anonymous = Platform.Client();
        var page = await anonymous.GetAsync("/api-reference");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        foreach (var service in new[] { "orchestrator", "ofsted", "cqc", "hmicfrs" })
            Assert.Contains($"openapi/{service}/partner.json", html);

        var ofsted = await (await anonymous.GetAsync("/openapi/ofsted/partner.json")).Expect(HttpStatusCode.OK);
        var paths = ofsted["paths"]!.AsObject().Select(p => p.Key).ToList();
        // What a local authority sends (Annex A lists) and what police and health answer are there...
        Assert.Contains("/api/ofsted/inspections/{inspectionId}/information-exchange/annex-a/lists/{list}", paths);
        Assert.Contains("/api/ofsted/inspections/{inspectionId}/case-selection/answers", paths);
        // ...what only inspectors may call is not: the evidence records, the health probes.
        Assert.DoesNotContain(paths, p => p.Contains("/evidence"));
        Assert.DoesNotContain(paths, p => p.StartsWith("/health"));

        var scheme = ofsted["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.Contains("Bearer", ofsted["security"]![0]!.AsObject().Select(s => s.Key));
        var upload = ofsted["paths"]!["/api/ofsted/inspections/{inspectionId}/information-exchange/annex-a/lists/{list}"]!["post"]!;
        Assert.Contains("Who may call:", upload["description"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(upload["summary"]?.GetValue<string>()));

        var orchestrator = await (await anonymous.GetAsync("/openapi/orchestrator/partner.json")).Expect(HttpStatusCode.OK);
        var orchestratorPaths = orchestrator["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/orchestrator/inspections/{inspectionId}/information-requests", orchestratorPaths);
        Assert.DoesNotContain(orchestratorPaths, p => p.Contains("/operations/"));

        // In the browser the reference page loads the documents through the gateway and lists the operations.
        var browser = await fixture.Browser.NewPage(Platform.GatewayAddress);
        await browser.GotoAsync("/api-reference");
        await browser.GetByText("Inspections, timeline, information requests", new() { Exact = false }).First.WaitForAsync();
        await browser.GetByText("Read the information requests", new() { Exact = false }).First.WaitForAsync();
        await Testing.Browser.Screenshot(browser, "api-reference");
    }
}
