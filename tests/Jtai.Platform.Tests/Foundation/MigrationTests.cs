using System.Diagnostics;
using System.Reflection;
using Jtai.Cqc;
using Jtai.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>
/// Outside Development a service never changes its schema at start (replicas starting together would
/// race): a separate run of the same program with Database:MigrateOnly applies the migrations
/// (infra/setup.sh, the Kubernetes Job) and exits; a service facing a database behind its code refuses
/// to start. Development keeps migrating at start (every other test's platform does).
/// </summary>
public sealed class MigrationTests : IAsyncLifetime
{
    private readonly string _database = "jtai_m" + Guid.NewGuid().ToString("N")[..10] + "_cqc";
    private readonly string _vhost = "jtai-m" + Guid.NewGuid().ToString("N")[..10];
    private Infrastructure _infrastructure = null!;
    private string _runtime = null!;
    private string _owner = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await Infrastructure.Start();
        (_runtime, _owner) = await _infrastructure.CreateServiceDatabase("cqc", _database);
        await _infrastructure.Management.CreateVhost(_vhost);
    }

    public async Task DisposeAsync()
    {
        await _infrastructure.DropDatabase(_database);
        await _infrastructure.Management.DeleteVhost(_vhost);
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task In_production_a_service_refuses_a_fresh_database_until_the_migration_run_has_applied_its_migrations()
    {
        // Even with the owner connection at hand, the production service migrates nothing.
        var refused = Assert.Throws<InvalidOperationException>(() => StartInProduction(withOwner: true));
        Assert.Contains("Database:MigrateOnly", refused.Message);
        Assert.Equal(0L, await Scalar(_owner, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));

        var (exitCode, log) = await RunMigrateOnly(withOwner: true);
        Assert.True(exitCode == 0, log);
        Assert.Contains("migrated", log);
        // It only migrated: it neither consumed nor declared anything on the broker.
        Assert.Empty(await _infrastructure.Management.QueueNames(_vhost));
        Assert.True(await Scalar(_owner, "SELECT count(*) FROM __ef_migrations_history") is long applied && applied > 0);
        Assert.Equal(Infrastructure.OwnerRole("cqc"),
            await Scalar(_owner, "SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Equal(0L, await Scalar(_runtime, "SELECT count(*) FROM outbox_messages")); // the service's role was granted the rows

        // A second run finds nothing to do and succeeds.
        Assert.Equal(0, (await RunMigrateOnly(withOwner: true)).ExitCode);

        // Now the production service starts, without the owner connection: it needs no role that changes tables.
        using var service = StartInProduction(withOwner: false);
        using var client = service.CreateClient();
        await Testing.Platform.WaitUntil(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the migrated service to be ready");
    }

    [Fact]
    public async Task The_migration_run_without_the_owner_connection_fails_and_changes_nothing()
    {
        var (exitCode, log) = await RunMigrateOnly(withOwner: false);
        Assert.Equal(1, exitCode);
        Assert.Contains("ConnectionStrings:cqcOwner", log);
        Assert.Equal(0L, await Scalar(_owner, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    private Dictionary<string, string> ProductionSettings(bool withOwner)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:cqc"] = _runtime,
            ["ConnectionStrings:RabbitMq"] = _infrastructure.AmqpFor(_vhost).ToString(),
            // Production refuses http authorities; nothing here asks the issuer for keys.
            ["Authentication:Authority"] = "https://idp.example/",
            ["Notices:Channel"] = "smtp",
            ["Notices:Smtp:Host"] = "127.0.0.1",
        };
        // Blank, not absent: appsettings.json names the machine's own database's owner.
        settings["ConnectionStrings:cqcOwner"] = withOwner ? _owner : "";
        return settings;
    }

    private WebApplicationFactory<CqcService> StartInProduction(bool withOwner)
    {
        var factory = new WebApplicationFactory<CqcService>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            foreach (var (key, value) in ProductionSettings(withOwner)) b.UseSetting(key, value);
        });
        try
        {
            _ = factory.Server;
            return factory;
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    /// <summary>The built service as its own process, as the Job or infra/setup.sh runs it.</summary>
    private async Task<(int ExitCode, string Log)> RunMigrateOnly(bool withOwner)
    {
        var project = Path.Combine(ProcessPlatform.RepositoryRoot(), "services/Cqc/Jtai.Cqc");
        var configuration = typeof(MigrationTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "Jtai.Cqc.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__MigrateOnly"] = "true";
        foreach (var (key, value) in ProductionSettings(withOwner)) start.Environment[key.Replace(":", "__")] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The migration run did not end within 2 min: " + await output + await errors);
        }
        return (process.ExitCode, await output + await errors);
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }
}
