using System.Net;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Faults;

/// <summary>
/// A passing failure (the database away) is retried for as long as it lasts and never sent to an
/// _error queue (a message's own fault still is, after the short budget: ReliabilityTests).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class TransientFailureTests(FaultsFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task While_its_database_is_away_requests_get_503_and_a_message_waits_and_is_handled_once_it_is_back_without_reaching_the_error_queue()
    {
        var messageId = NewId.NextGuid();
        var message = new InspectionScheduled(Guid.NewGuid(), Steps.Area, Steps.AreaName, "front-door",
            Steps.NextFieldworkMonday(Platform.Clock), Platform.Clock.GetUtcNow());

        fixture.OfstedDatabase.Cut();
        try
        {
            await using (var bus = await TestBus.Start(Platform))
                await bus.Publish(message, ctx => ctx.MessageId = messageId);
            // The other inspectorates are unaffected.
            await Platform.CopyHeldBy("cqc", message.InspectionId, TimeSpan.FromSeconds(30));

            // A request meanwhile is a 503 problem with Retry-After once EF's short retry gives up, never a 500.
            using var direct = Platform.DirectClient("ofsted", await Platform.Tokens.Staff("inspector", "ofsted"));
            var during = await direct.GetAsync($"/api/ofsted/inspections/{message.InspectionId}");
            await during.ExpectProblem(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(during.Headers.RetryAfter);

            // Ofsted keeps the message in hand: ten times the budget a message's own fault gets
            // (three retries, 0.6 s in tests) and it is still not in the error queue.
            var until = DateTime.UtcNow.AddSeconds(6);
            while (DateTime.UtcNow < until)
            {
                Assert.Empty(await InError("ofsted-inspection-scheduled_error", messageId));
                await Task.Delay(250);
            }
        }
        finally
        {
            fixture.OfstedDatabase.Restore();
        }

        await Platform.CopyHeldBy("ofsted", message.InspectionId, TimeSpan.FromSeconds(60));
        await using var scope = Platform.Services("ofsted").CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InspectorateDbContext>();
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == messageId));
        Assert.Equal(1, await db.Inspections.CountAsync(i => i.InspectionId == message.InspectionId));
        Assert.Empty(await InError("ofsted-inspection-scheduled_error", messageId));
        await Platform.WaitUntilHealthy();
    }

    private async Task<List<Testing.QueuedMessage>> InError(string queue, Guid messageId) =>
        (await Platform.Infrastructure.Management.Peek(Platform.Vhost, queue, 100))
            .Where(m => m.Body.Contains(messageId.ToString())).ToList();
}
