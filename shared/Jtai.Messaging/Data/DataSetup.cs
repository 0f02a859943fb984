using Jtai.Messaging.Outbox;
using Jtai.ServiceDefaults.Health;
using Jtai.ServiceDefaults.Limits;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jtai.Messaging.Data;

public static class DataSetup
{
    /// <summary>
    /// The service's own PostgreSQL database (ConnectionStrings:{connectionName}, the role the service
    /// runs as), snake_case names, and a readiness check. Migrations are applied at start, before
    /// anything else runs, with ConnectionStrings:{connectionName}Owner: the role that owns the schema
    /// is not the one the service runs as, which may read and write rows but change no table. Without
    /// an owner connection the service migrates nothing and refuses to start on a schema behind its code.
    /// </summary>
    public static WebApplicationBuilder AddJtaiData<TDb>(this WebApplicationBuilder builder, string connectionName)
        where TDb : MessagingDbContext
    {
        var connectionString = WithAutoPrepare(WithPoolLimit(builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured."), builder.Configuration), builder.Configuration);
        var ownerConnectionString = builder.Configuration.GetConnectionString(connectionName + "Owner");
        builder.Services.AddWriteLimit(builder.Configuration);

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddDbContext<TDb>((sp, options) => Configure(options, connectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        builder.Services.AddScoped<MessagingDbContext>(sp => sp.GetRequiredService<TDb>());

        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>("database", tags: [HealthSetup.Ready]);
        // First hosted service: nothing consumes or relays before the schema is there.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => new MigrateAtStart<TDb>(
            sp, connectionName, connectionString, ownerConnectionString, sp.GetRequiredService<ILogger<MigrateAtStart<TDb>>>())));
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

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs again and again (Database:MaxAutoPrepare,
    /// default 100, unless the connection string sets its own). The platform's statements are few and
    /// fixed (EF's inserts and look-ups, the inbox, outbox and deadline queries), so after a handful of
    /// uses PostgreSQL binds and runs them without parsing and planning each time (measured: the
    /// database's CPU per scheduling fell by about a third). Prepared statements live per connection and
    /// survive its return to the pool; a schema change happens only at start, before the pool is used.
    /// </summary>
    private static string WithAutoPrepare(string connectionString, IConfiguration configuration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare != new NpgsqlConnectionStringBuilder().MaxAutoPrepare) return connectionString;
        builder.MaxAutoPrepare = configuration.GetValue("Database:MaxAutoPrepare", 100);
        return builder.ConnectionString;
    }

    // A broken pooled connection (after a PostgreSQL restart) or a refused connect is retried by EF
    // outside explicit transactions: at once, then after about 1, 2 and 2 s (some 5 s in all, so a
    // request waits no longer before its 503). Inside a transaction its owner retries the whole unit
    // (RetryOutsideTransactions).
    private static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsHistoryTable("__ef_migrations_history")
            .ExecutionStrategy(dependencies => new RetryOutsideTransactions(dependencies, maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(2))))
        .UseSnakeCaseNamingConvention();

    private sealed class MigrateAtStart<TDb>(
        IServiceProvider services, string connectionName, string connectionString, string? ownerConnectionString, ILogger logger) : IHostedService
        where TDb : MessagingDbContext
    {
        public async Task StartAsync(CancellationToken ct)
        {
            if (ownerConnectionString is null)
            {
                await using var scope = services.CreateAsyncScope();
                var pending = (await scope.ServiceProvider.GetRequiredService<TDb>().Database.GetPendingMigrationsAsync(ct)).ToList();
                if (pending.Count > 0)
                    throw new InvalidOperationException(
                        $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). Start the service with " +
                        $"ConnectionStrings:{connectionName}Owner (the role owning the database) so it applies them.");
                return;
            }

            var options = (DbContextOptions<TDb>)Configure(new DbContextOptionsBuilder<TDb>(), ownerConnectionString).Options;
            await using var owner = ActivatorUtilities.CreateInstance<TDb>(services, options);
            var applied = (await owner.Database.GetPendingMigrationsAsync(ct)).ToList();
            // EF takes a database lock while migrating, so replicas starting together do not race.
            await owner.Database.MigrateAsync(ct);
            await GrantRows(owner, ct);
            logger.LogInformation("Database {Database} migrated ({Count} applied)", owner.Database.GetDbConnection().Database, applied.Count);
        }

        /// <summary>The service's role reads and writes rows of every table the migrations made; nothing more.</summary>
        private async Task GrantRows(TDb owner, CancellationToken ct)
        {
            var runtime = new NpgsqlConnectionStringBuilder(connectionString).Username;
            var ownerRole = new NpgsqlConnectionStringBuilder(ownerConnectionString).Username;
            if (string.IsNullOrEmpty(runtime) || runtime == ownerRole) return;
            var role = "\"" + runtime.Replace("\"", "\"\"") + "\"";
#pragma warning disable EF1002 // a role name cannot be a parameter; it comes from configuration and is quoted
            await owner.Database.ExecuteSqlRawAsync($"""
                GRANT USAGE ON SCHEMA public TO {role};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
                """, ct);
#pragma warning restore EF1002
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
