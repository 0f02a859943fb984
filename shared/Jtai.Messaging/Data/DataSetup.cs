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
    /// runs as), snake_case names, and a readiness check. Migrations are applied with
    /// ConnectionStrings:{connectionName}Owner: the role that owns the schema is not the one the service
    /// runs as, which may read and write rows but change no table. In Development they are applied at
    /// start, before anything else runs (Database:MigrateAtStart); elsewhere a separate run with
    /// Database:MigrateOnly applies them (set-up, the Kubernetes Job) and the service refuses to start
    /// on a schema behind its code (see <see cref="SchemaAtStart{TDb}"/>).
    /// </summary>
    public static WebApplicationBuilder AddJtaiData<TDb>(this WebApplicationBuilder builder, string connectionName)
        where TDb : MessagingDbContext
    {
        var connectionString = Tuned(builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured."), builder.Configuration);
        // An empty owner connection (a setting blanked over appsettings.json) is none.
        var ownerConnectionString = builder.Configuration.GetConnectionString(connectionName + "Owner") is { Length: > 0 } owner ? owner : null;
        builder.Services.AddWriteLimit(builder.Configuration);

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        // Pooled: every request, consumed message and relay round takes a context that was built once
        // (its options and internal services) and is reset when handed back. Building one per scope cost
        // more CPU in a consumer than the inbox and the insert it runs. The contexts hold no state of
        // their own beyond what the pool resets (tracked entities, the transaction, the connection).
        builder.Services.AddDbContextPool<TDb>((sp, options) => Configure(options, connectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        builder.Services.AddScoped<MessagingDbContext>(sp => sp.GetRequiredService<TDb>());

        builder.Services.AddHealthChecks().AddDbContextCheck<TDb>("database", tags: [HealthSetup.Ready]);
        builder.Services.AddSingleton(sp => new DatabaseMigrator<TDb>(
            sp, connectionName, connectionString, ownerConnectionString, sp.GetRequiredService<ILogger<DatabaseMigrator<TDb>>>()));
        builder.Services.AddSingleton<IDatabaseMigrator>(sp => sp.GetRequiredService<DatabaseMigrator<TDb>>());
        var migrateAtStart = builder.Configuration.GetValue("Database:MigrateAtStart", builder.Environment.IsDevelopment());
        // First hosted service: nothing consumes or relays before the schema is there.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp =>
            new SchemaAtStart<TDb>(sp.GetRequiredService<DatabaseMigrator<TDb>>(), migrateAtStart)));
        return builder;
    }

    /// <summary>
    /// The service's connection string with the pool settings the platform relies on, each applied unless
    /// the connection string sets its own:
    /// <list type="bullet">
    /// <item>Max Pool Size (Database:MaxPoolSize, default 20): every service sharing one PostgreSQL must fit
    /// its max_connections together, with room to spare (README, "Capacity"). A request that finds the pool
    /// empty waits for a connection; the write limit keeps that wait short.</item>
    /// <item>Max Auto Prepare (Database:MaxAutoPrepare, default 100): the platform's statements are few and
    /// fixed (EF's inserts and look-ups, the inbox, outbox and deadline queries), so after a handful of uses
    /// PostgreSQL binds and runs them without parsing and planning each time (measured: the database's CPU
    /// per scheduling fell by about a third). Prepared statements live per connection and survive its return
    /// to the pool; the schema changes only before the service's processes start (at start in Development,
    /// in the migration run elsewhere).</item>
    /// <item>No Reset On Close (unless Database:ResetSessionOnReturn is true): with prepared statements kept,
    /// Npgsql's reset is seven statements (RESET ALL, SET SESSION AUTHORIZATION DEFAULT, UNLISTEN *, advisory
    /// unlocks ...) before the next use, more than a consumed message's own. The platform leaves no session
    /// state to reset: it sets no session settings, takes no session-level advisory locks, listens to no
    /// channels and makes no temporary tables; an open transaction is still rolled back.</item>
    /// </list>
    /// </summary>
    private static string Tuned(string connectionString, IConfiguration configuration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var defaults = new NpgsqlConnectionStringBuilder();
        if (builder.MaxPoolSize == defaults.MaxPoolSize) builder.MaxPoolSize = configuration.GetValue("Database:MaxPoolSize", 20);
        if (builder.MaxAutoPrepare == defaults.MaxAutoPrepare) builder.MaxAutoPrepare = configuration.GetValue("Database:MaxAutoPrepare", 100);
        if (!configuration.GetValue("Database:ResetSessionOnReturn", false)) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    // A broken pooled connection (after a PostgreSQL restart) or a refused connect is retried by EF
    // outside explicit transactions: at once, then after about 1, 2 and 2 s (some 5 s in all, so a
    // request waits no longer before its 503). Inside a transaction its owner retries the whole unit
    // (RetryOutsideTransactions).
    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsHistoryTable("__ef_migrations_history")
            .ExecutionStrategy(dependencies => new RetryOutsideTransactions(dependencies, maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(2))))
        .UseSnakeCaseNamingConvention();
}
