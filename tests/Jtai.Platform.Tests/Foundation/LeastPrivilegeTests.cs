using System.Text.Json.Nodes;
using Jtai.Cqc;
using Jtai.Gateway;
using Jtai.Hmicfrs;
using Jtai.Ofsted;
using Jtai.Orchestrator;
using Jtai.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>
/// Each service reaches its own database only, as a role that changes rows but not tables; the
/// setup role reads none of them; tokens are trusted from https authorities only outside Development;
/// nothing reports usage to a vendor.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LeastPrivilegeTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;
    private Infrastructure Infrastructure => fixture.Infrastructure;

    private string DatabaseOf(string service) => new NpgsqlConnectionStringBuilder(Platform.Databases[service]).Database!;

    [Fact]
    public async Task A_service_role_connects_to_its_own_database_and_to_no_other()
    {
        foreach (var service in Testing.Platform.ServiceNames)
            foreach (var other in Testing.Platform.ServiceNames)
            {
                var connection = Infrastructure.ConnectionAs(Infrastructure.RuntimeRole(service), DatabaseOf(other));
                if (service == other) Assert.Equal(1, await Scalar(connection, "SELECT 1"));
                else Assert.Equal("42501", (await Refused(connection, "SELECT 1")).SqlState);
            }
    }

    [Fact]
    public async Task An_owner_role_reaches_its_own_database_only()
    {
        var refused = await Refused(Infrastructure.ConnectionAs(Infrastructure.OwnerRole("ofsted"), DatabaseOf("cqc")), "SELECT 1");
        Assert.Equal("42501", refused.SqlState);
    }

    [Fact]
    public async Task The_setup_role_neither_reads_a_service_database_nor_grants_itself_a_service_role()
    {
        var admin = new NpgsqlConnectionStringBuilder(Infrastructure.PostgresAdmin);
        var intoCqc = new NpgsqlConnectionStringBuilder(Infrastructure.PostgresAdmin) { Database = DatabaseOf("cqc") }.ConnectionString;
        Assert.Equal("42501", (await Refused(intoCqc, "SELECT 1")).SqlState);

        foreach (var role in new[] { Infrastructure.RuntimeRole("cqc"), Infrastructure.OwnerRole("cqc") })
            Assert.Equal("42501", (await Refused(Infrastructure.PostgresAdmin, $"GRANT {role} TO \"{admin.Username}\"")).SqlState);
    }

    [Fact]
    public async Task A_service_role_changes_rows_but_no_table_and_the_owner_owns_every_table()
    {
        foreach (var service in Testing.Platform.ServiceNames)
        {
            var refused = await Refused(Platform.Databases[service], "CREATE TABLE intruder (id int)");
            Assert.Equal("42501", refused.SqlState);
            Assert.Equal("42501", (await Refused(Platform.Databases[service], "DROP TABLE outbox_messages")).SqlState);

            var owners = await Scalar(Platform.Databases[service],
                "SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname = 'public'");
            Assert.Equal(Infrastructure.OwnerRole(service), owners);
            // ...and the service's own role works on those rows (the migrator granted them).
            Assert.True(Convert.ToInt64(await Scalar(Platform.Databases[service], "SELECT count(*) FROM outbox_messages")) >= 0);
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Outside_Development_a_service_refuses_an_http_authority(string environment)
    {
        foreach (var start in new Func<string, Action>[] { Starts<OrchestratorService>, Starts<OfstedService>, Starts<CqcService>, Starts<HmicfrsService>, Starts<GatewayService>, Starts<Jtai.Web.WebService> })
        {
            var error = Assert.Throws<InvalidOperationException>(start(environment));
            Assert.Contains("https", error.Message);
            Assert.Contains("Authentication:Authority", error.Message);
        }
    }

    [Fact]
    public void The_production_settings_name_no_http_authority_and_keep_https_metadata()
    {
        var root = RepositoryRoot();
        var files = new[]
        {
            "services/Orchestrator/Jtai.Orchestrator", "services/Ofsted/Jtai.Ofsted", "services/Cqc/Jtai.Cqc",
            "services/Hmicfrs/Jtai.Hmicfrs", "gateway/Jtai.Gateway", "web/Jtai.Web",
        }.Select(p => Path.Combine(root, p, "appsettings.json")).ToList();
        foreach (var file in files)
        {
            var settings = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var key in Jtai.ServiceDefaults.Security.AuthenticationSetup.AuthorityKeys)
            {
                var value = key.Split(':').Aggregate((JsonNode?)settings, (node, part) => node?[part])?.ToString();
                Assert.True(value is null || value.StartsWith("https://"), $"{file}: {key} = {value}");
            }
            Assert.NotEqual("false", settings["Authentication"]?["RequireHttpsMetadata"]?.ToString().ToLowerInvariant());
        }
    }

    [Fact]
    public void MassTransit_reports_no_usage_telemetry()
    {
        foreach (var service in Testing.Platform.ServiceNames)
            Assert.False(Platform.Services(service).GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled, service);
    }

    private static Action Starts<T>(string environment) where T : class => () =>
    {
        using var factory = new WebApplicationFactory<T>().WithWebHostBuilder(b => b
            .UseEnvironment(environment)
            .UseSetting("Authentication:Authority", "http://idp.example"));
        _ = factory.Server;
    };

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jtai.Platform.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Jtai.Platform.sln not found above the test's directory.");
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }

    private static Task<PostgresException> Refused(string connectionString, string sql) =>
        Assert.ThrowsAsync<PostgresException>(() => Scalar(connectionString, sql));
}
