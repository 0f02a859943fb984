using Microsoft.Extensions.Hosting;

namespace Jtai.Messaging.Data;

/// <summary>
/// The first thing a service does at start. In Development (Database:MigrateAtStart, default on there
/// only) it applies its migrations itself when it has the owner connection. Elsewhere migrations are a
/// separate run (Database:MigrateOnly: infra/setup.sh locally, a Job in Kubernetes) before the new
/// version's processes start: replicas starting together would otherwise race to change the schema,
/// and the running service needs no role that may change tables. A service whose database lacks
/// migrations refuses to start rather than fail on its first request.
/// </summary>
internal sealed class SchemaAtStart<TDb>(DatabaseMigrator<TDb> migrator, bool migrateAtStart) : IHostedService
    where TDb : MessagingDbContext
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (migrateAtStart && migrator.HasOwner)
        {
            await migrator.Migrate(ct);
            return;
        }
        await migrator.RequireCurrentSchema(migrateAtStart
            ? $"Start the service with ConnectionStrings:{migrator.ConnectionName}Owner (the role owning the database) so it applies them."
            : $"Apply them first: run the service once with Database:MigrateOnly=true and ConnectionStrings:{migrator.ConnectionName}Owner " +
              "(infra/setup.sh does; in Kubernetes the migration Job).", ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
