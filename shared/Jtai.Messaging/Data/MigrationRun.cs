using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jtai.Messaging.Data;

public static class MigrationRun
{
    /// <summary>
    /// Runs the service; or, with Database:MigrateOnly=true, applies its migrations with the owner
    /// connection and exits (0 when the schema is current, 1 when it could not be brought there)
    /// without listening, consuming or relaying. The same program and image serve both, so the
    /// migrations applied are exactly those the service's code expects (infra/setup.sh, the Kubernetes Job).
    /// </summary>
    public static void RunOrMigrate(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnly", false))
        {
            app.Run();
            return;
        }
        try
        {
            app.Services.GetRequiredService<IDatabaseMigrator>().Migrate(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            app.Logger.LogCritical(ex, "Migrations were not applied");
            Environment.ExitCode = 1;
        }
        finally
        {
            // Flushes the log (the console logger writes from a queue) before the process ends.
            ((IDisposable)app).Dispose();
        }
    }
}
