using Jtai.Messaging.Outbox;
using Jtai.ServiceDefaults.Health;
using Jtai.ServiceDefaults.Limits;
using Npgsql;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jtai.Messaging.Data;

public static class DataSetup
{
    /// <summary>
    /// The service's own PostgreSQL database (ConnectionStrings:{connectionName}), snake_case names,
    /// migrations applied at start before anything else runs, and a readiness check.
    /// </summary>
    public static WebApplicationBuilder AddJtaiData<TDb>(this WebApplicationBuilder builder, string connectionName)
        where TDb : MessagingDbContext
    {
        var connectionString = WithPoolLimit(builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured."), builder.Configuration);
        builder.Services.AddWriteLimit(builder.Configuration);

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddDbContext<TDb>((sp, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        builder.Services.AddScoped<MessagingDbContext>(sp => sp.GetRequiredService<TDb>());

        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>("database", tags: [HealthSetup.Ready]);
        // First hosted service: nothing consumes or relays before the schema is there.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, MigrateAtStart<TDb>>());
        return builder;
    }

    /// <summary>
    /// Caps the service's connection pool (Database:MaxPoolSize, default 20) unless the connection
    /// string sets its own: every service sharing one PostgreSQL must fit its max_connections
    /// together, with room to spare (README, "Capacity"). A request that finds the pool empty waits
    /// for a connection; the write limit keeps that wait short.
    /// </summary>
    private static string WithPoolLimit(string connectionString, IConfiguration configuration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxPoolSize != new NpgsqlConnectionStringBuilder().MaxPoolSize) return connectionString;
        builder.MaxPoolSize = configuration.GetValue("Database:MaxPoolSize", 20);
        return builder.ConnectionString;
    }

    private sealed class MigrateAtStart<TDb>(IServiceScopeFactory scopes, ILogger<MigrateAtStart<TDb>> logger) : IHostedService
        where TDb : MessagingDbContext
    {
        public async Task StartAsync(CancellationToken ct)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDb>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            // EF takes a database lock while migrating, so replicas starting together do not race.
            await db.Database.MigrateAsync(ct);
            logger.LogInformation("Database {Database} migrated ({Count} applied)", db.Database.GetDbConnection().Database, pending.Count);
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
