using Jtai.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jtai.Messaging.Idempotency;

/// <summary>
/// Forgets answers older than the window, so the table holds a day's keys rather than every key ever
/// sent. One DELETE by the created_at index; with two replicas both may run it, to the same effect.
/// </summary>
internal sealed class IdempotencyKeyPurge(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock,
    ILogger<IdempotencyKeyPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
                var before = clock.GetUtcNow() - options.Value.Window;
                var forgotten = await db.Database.ExecuteSqlAsync($"DELETE FROM idempotent_requests WHERE created_at < {before}", stoppingToken);
                if (forgotten > 0) logger.LogInformation("{Count} idempotency keys past their window forgotten", forgotten);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Idempotency keys could not be purged; trying again later");
            }
            try { await Task.Delay(options.Value.PurgeInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
