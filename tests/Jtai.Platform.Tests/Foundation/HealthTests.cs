using System.Net;
using Jtai.Testing;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>Readiness tells the truth: a service whose database is unreachable is not ready.</summary>
[Collection(PlatformCollection.Name)]
public sealed class HealthTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Every_service_is_live_and_ready_with_its_database_and_the_bus()
    {
        await Platform.WaitUntilHealthy();
        foreach (var service in Testing.Platform.ServiceNames.Append("gateway"))
        {
            using var client = Platform.DirectClient(service);
            (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var ready = await (await client.GetAsync("/health/ready")).Expect(HttpStatusCode.OK);
            Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
            if (service != "gateway")
            {
                var checks = ready["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
                Assert.Contains("database", checks);
                Assert.Contains("bus", checks);
            }
        }
    }

    [Fact]
    public async Task A_service_whose_database_is_down_reports_not_ready_and_recovers()
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(Platform.Databases["cqc"]).Database!;
        using var client = Platform.DirectClient("cqc");
        await Platform.Infrastructure.SetDatabaseReachable(database, false);
        try
        {
            var response = await client.GetAsync("/health/ready");
            var body = await response.Expect(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("Unhealthy", body["status"]!.GetValue<string>());
            var check = body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "database");
            Assert.Equal("Unhealthy", check!["status"]!.GetValue<string>());
            // The others are unaffected: each service owns its database.
            using var ofsted = Platform.DirectClient("ofsted");
            (await ofsted.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await Platform.Infrastructure.SetDatabaseReachable(database, true);
        }
        await Testing.Platform.WaitUntil(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), "cqc to be ready again");
    }

    [Fact]
    public async Task Every_service_publishes_an_OpenAPI_document()
    {
        foreach (var service in Testing.Platform.ServiceNames)
        {
            using var client = Platform.DirectClient(service);
            var doc = await (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
            Assert.StartsWith("3.", doc["openapi"]!.GetValue<string>());
            Assert.True(doc["paths"]!.AsObject().Count > 0);
        }
    }
}
