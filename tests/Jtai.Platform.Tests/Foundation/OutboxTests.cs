using Jtai.Contracts.Events;
using Jtai.Messaging.Data;
using Jtai.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>
/// The outbox hands what a commit wrote to its own process's relay, which publishes it from memory: only
/// what committed may leave, whatever the context saw before.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OutboxTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;
    private static readonly string[] Inspectorates = ["ofsted", "cqc", "hmicfrs"];

    [Fact]
    public async Task Only_what_commits_is_published_a_save_in_a_transaction_left_without_a_commit_and_a_cleared_message_never_leave()
    {
        var abandoned = Scheduled();
        var cleared = Scheduled();
        var committed = Scheduled();

        await using (var scope = Platform.Services("orchestrator").CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            await using (await db.Database.BeginTransactionAsync())
            {
                outbox.Publish(abandoned);
                await db.SaveChangesAsync(); // saved, then the transaction ends without a commit
            }
            outbox.Publish(cleared);
            db.ChangeTracker.Clear();        // staged, then given up before any save
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                outbox.Publish(committed);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        }

        foreach (var service in Inspectorates) await Platform.CopyHeldBy(service, committed.InspectionId);
        var rows = await OutboxRows(abandoned.InspectionId, cleared.InspectionId, committed.InspectionId);
        var row = Assert.Single(rows);
        Assert.Equal(committed.InspectionId, row.InspectionId);
        Assert.NotNull(row.PublishedAt);
        Assert.Equal(1, row.Attempts);

        // Anything wrongly handed over would have left with the committed row; give it time to arrive anyway.
        await Task.Delay(TimeSpan.FromSeconds(2));
        foreach (var service in Inspectorates)
        {
            await using var scope = Platform.Services(service).CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Jtai.Inspectorate.Data.InspectorateDbContext>();
            Assert.Equal(0, await db.Inspections.CountAsync(i => i.InspectionId == abandoned.InspectionId || i.InspectionId == cleared.InspectionId));
            Assert.Equal(0, await db.InboxMessages.CountAsync(m => m.InspectionId == abandoned.InspectionId || m.InspectionId == cleared.InspectionId));
        }
    }

    private InspectionScheduled Scheduled() => new(Guid.NewGuid(), "E06000001", "Hartlepool", "front-door",
        Steps.NextFieldworkMonday(Platform.Clock), Platform.Clock.GetUtcNow());

    private async Task<List<OutboxMessage>> OutboxRows(params Guid[] inspectionIds)
    {
        await using var scope = Platform.Services("orchestrator").CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.InspectionId != null && inspectionIds.Contains(m.InspectionId.Value)).ToListAsync();
    }
}
