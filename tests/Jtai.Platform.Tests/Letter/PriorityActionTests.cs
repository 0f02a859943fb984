using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.FollowUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jtai.Platform.Tests.Letter;

/// <summary>¶79, Annex B: agreed areas for priority action reach the inspectorates that follow them up, each exactly once.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PriorityActionTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task PriorityActionIdentified_reaches_each_concerned_service_exactly_once()
    {
        var agreed = await Platform.AgreedFindings("E08000043", "Wolverhampton", ["local-authority"], ["health"], ["police"], ["police", "masa"], ["health", "police"]);
        var published = await Platform.Published<PriorityActionIdentified>(agreed.InspectionId);
        Assert.Equal(5, published.Count);
        Assert.Equal(5, published.Select(p => p.PriorityActionId).Distinct().Count());
        Assert.True(published.Single(p => p.PriorityActionId == agreed.Findings["priority-3"]).Coordinated);
        Assert.True(published.Single(p => p.PriorityActionId == agreed.Findings["priority-4"]).Coordinated);

        var expected = new Dictionary<string, string[]>
        {
            ["ofsted"] = ["priority-0", "priority-3"],
            // The health and police action opens exactly CQC's and HMICFRS's follow-ups: no ILACS action plan for the local authority.
            ["cqc"] = ["priority-1", "priority-3", "priority-4"],
            ["hmicfrs"] = ["priority-2", "priority-3", "priority-4"],
        };
        foreach (var (service, keys) in expected)
        {
            var ids = keys.Select(k => agreed.Findings[k]).OrderBy(x => x).ToList();
            List<Guid> cases = [];
            await Testing.Platform.WaitUntil(async () =>
            {
                await using var scope = Platform.Services(service).CreateAsyncScope();
                cases = await scope.ServiceProvider.GetRequiredService<InspectorateDbContext>().Set<FollowUpCase>()
                    .Where(f => f.InspectionId == agreed.InspectionId).Select(f => f.PriorityActionId).ToListAsync();
                return cases.Count >= ids.Count;
            }, TimeSpan.FromSeconds(20), $"{service} to open its follow-ups");
            // Every message is out of the outbox by now, so nothing else can still arrive: exactly these, once each.
            Assert.Equal(ids, cases.OrderBy(x => x).ToList());
        }
    }
}
