using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jtai.Messaging.Data;

/// <summary>Applies the service's migrations as the role owning its database, or says which are missing.</summary>
public interface IDatabaseMigrator
{
    /// <summary>Applies every pending migration with the owner connection, then grants the service's role the rows.</summary>
    Task Migrate(CancellationToken ct);

    /// <summary>Refuses (throws) when the database lacks migrations the code needs; changes nothing.</summary>
    Task RequireCurrentSchema(string howToApply, CancellationToken ct);
}

internal sealed class DatabaseMigrator<TDb>(
    IServiceProvider services, string connectionName, string connectionString, string? ownerConnectionString, ILogger logger) : IDatabaseMigrator
    where TDb : MessagingDbContext
{
    public async Task Migrate(CancellationToken ct)
    {
        if (ownerConnectionString is null)
            throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName}Owner (the role owning the database) is needed to apply migrations.");
        var options = (DbContextOptions<TDb>)DataSetup.Configure(new DbContextOptionsBuilder<TDb>(), ownerConnectionString).Options;
        await using var owner = ActivatorUtilities.CreateInstance<TDb>(services, options);
        var pending = (await owner.Database.GetPendingMigrationsAsync(ct)).ToList();
        // EF takes a database lock while migrating, so two runs at once apply each migration once.
        await owner.Database.MigrateAsync(ct);
        await GrantRows(owner, ct);
        logger.LogInformation("Database {Database} migrated ({Count} applied: {Migrations})",
            owner.Database.GetDbConnection().Database, pending.Count, string.Join(", ", pending));
    }

    public async Task RequireCurrentSchema(string howToApply, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var pending = (await scope.ServiceProvider.GetRequiredService<TDb>().Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). {howToApply}");
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

    internal string ConnectionName => connectionName;
    internal bool HasOwner => ownerConnectionString is not null;
}
