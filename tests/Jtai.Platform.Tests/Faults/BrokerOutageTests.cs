using System.Net;
using Jtai.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Faults;

/// <summary>
/// The broker gone from every service (its connections reset, new ones refused): writes still commit,
/// the outbox keeps their messages and delivers each once the broker is back.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class BrokerOutageTests(FaultsFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;
    private static readonly string[] Inspectorates = ["ofsted", "cqc", "hmicfrs"];

    [Fact]
    public async Task With_the_broker_away_scheduling_still_commits_and_the_outbox_delivers_everything_once_it_is_back()
    {
        var lead = await Platform.Tokens.Staff("lead-inspector", "ofsted");
        using var client = Platform.Client(lead);
        // The gateway must have a healthy view of the orchestrator before the outage.
        (await client.GetAsync("/api/orchestrator/inspections")).StatusCode.ShouldBe(HttpStatusCode.OK);

        fixture.Broker.Cut();
        Guid id;
        try
        {
            var response = await client.PostJson("/api/orchestrator/inspections", new
            {
                localAreaCode = "E06000002", localAreaName = "Middlesbrough", theme = "domestic-abuse",
                fieldworkStart = Steps.NextFieldworkMonday(Platform.Clock),
            });
            id = (await response.Expect(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

            // Committed with its event waiting in the outbox; the relay keeps trying and records why.
            await Testing.Platform.WaitUntil(async () =>
            {
                var row = await OutboxRow("orchestrator", id);
                return row is { PublishedAt: null, Attempts: > 0, LastError: not null };
            }, TimeSpan.FromSeconds(30), "the relay to fail and back off while the broker is away");
        }
        finally
        {
            fixture.Broker.Restore();
        }

        foreach (var service in Inspectorates) await Platform.CopyHeldBy(service, id, TimeSpan.FromSeconds(90));
        var published = await OutboxRow("orchestrator", id);
        Assert.NotNull(published!.PublishedAt);
        foreach (var service in Inspectorates)
        {
            await using var scope = Platform.Services(service).CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Jtai.Inspectorate.Data.InspectorateDbContext>();
            Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == published.MessageId));
            Assert.Equal(1, await db.Inspections.CountAsync(i => i.InspectionId == id));
        }
        await Platform.WaitUntilHealthy(TimeSpan.FromSeconds(90));
    }

    private async Task<Jtai.Messaging.Outbox.OutboxMessage?> OutboxRow(string service, Guid inspectionId)
    {
        await using var scope = Platform.Services(service).CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        return await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.InspectionId == inspectionId);
    }
}
