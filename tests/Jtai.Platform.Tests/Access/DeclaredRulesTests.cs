using Jtai.ServiceDefaults;
using Jtai.ServiceDefaults.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Jtai.Platform.Tests.Access;

/// <summary>Every endpoint says who may call it, where it is mapped; a service with one that does not refuses to start.</summary>
[Collection(PlatformCollection.Name)]
public sealed class DeclaredRulesTests(PlatformFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_service_with_an_endpoint_that_declares_no_rule_refuses_to_start()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Authentication:Authority"] = "http://127.0.0.1:9";
        builder.AddServiceDefaults("rules-check");
        await using var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGet("/api/example/declared", () => "ok").RequireStanding(Rules.Staff);
        app.MapGet("/api/example/undeclared", () => "ok");
        app.MapPost("/api/example/{inspectionId:guid}/both", () => "ok").RequireStanding(Rules.Team).RequireAuthorization();
        app.MapDelete("/api/example/no-inspection", () => "ok").RequireStanding(Rules.Team);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());
        Assert.Contains("GET /api/example/undeclared: no rule declared", refusal.Message);
        Assert.Contains("POST /api/example/{inspectionId:guid}/both: declares rule 'team' and also authorization", refusal.Message);
        Assert.Contains("DELETE /api/example/no-inspection: rule 'team' is about an inspection but the route names no {inspectionId}", refusal.Message);
        Assert.DoesNotContain("/api/example/declared", refusal.Message);
    }

    [Fact]
    public void Every_endpoint_of_every_service_declares_its_rule()
    {
        var total = 0;
        foreach (var service in Testing.Platform.ServiceNames)
        {
            var endpoints = fixture.Platform.Services(service).GetRequiredService<EndpointDataSource>().Endpoints;
            Assert.Empty(DeclaredRulesCheck.Problems(endpoints));
            Assert.Contains(endpoints, e => e.DeclaredRule() == Rules.Public);
            output.WriteLine($"{service}: {endpoints.Count} endpoints, each with its rule");
            total += endpoints.Count;
        }
        Assert.True(total > 100, $"only {total} endpoints found: the enumeration misses some");
    }
}
