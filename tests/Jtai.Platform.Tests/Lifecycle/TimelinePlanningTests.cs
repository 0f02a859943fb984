using System.Net;
using Xunit;

namespace Jtai.Platform.Tests.Lifecycle;

[Collection(PlatformCollection.Name)]
public sealed class TimelinePlanningTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task Staff_plan_a_whole_timeline_without_an_inspection()
    {
        using var client = Platform.Client(await Platform.Tokens.Staff("inspector", "cqc"));
        var timeline = await (await client.GetAsync("/api/orchestrator/frameworks/front-door/timeline?fieldworkStart=2027-09-20")).Expect(HttpStatusCode.OK);

        Assert.Equal("front-door", timeline["framework"]!.GetValue<string>());
        var keys = timeline["milestones"]!.AsArray().Select(m => m!["key"]!.GetValue<string>()).ToList();
        Assert.Subset(keys.ToHashSet(), new HashSet<string>
        {
            "notification", "fieldwork-start", "fieldwork-end", "draft-letter", "factual-accuracy-comments",
            "final-letter", "publication", "statement-of-action-due", "complaint-window-end",
        });
        Assert.Equal("2027-10-15", timeline.Milestone("draft-letter")["date"]!.GetValue<string>());
        // Week 1 Tuesday 17:00 in London is 16:00 UTC in September (BST).
        Assert.Equal(new DateTimeOffset(2027, 9, 7, 16, 0, 0, TimeSpan.Zero), timeline.Milestone("child-level-data")["dueAt"]!.GetValue<DateTimeOffset>());
    }

    [Theory]
    [InlineData("front-door", "2027-13-01", "fieldworkStart")]
    [InlineData("front-door", "2027-09-18", "fieldworkStart")] // a Saturday
    [InlineData("front-door", "2027-08-30", "fieldworkStart")] // summer bank holiday
    [InlineData("front-door", "", "fieldworkStart")]
    [InlineData("fire-safety", "2027-09-20", "framework")]
    public async Task Bad_dates_and_unknown_frameworks_are_problems_naming_the_field(string framework, string date, string field)
    {
        using var client = Platform.Client(await Platform.Tokens.Staff("lead-inspector", "ofsted"));
        var response = await client.GetAsync($"/api/orchestrator/frameworks/{framework}/timeline?fieldworkStart={date}");
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Partners_do_not_plan_with_the_frameworks()
    {
        using var client = Platform.Client(await Platform.Tokens.Partner(Steps.Area, "police"));
        (await client.GetAsync("/api/orchestrator/frameworks/front-door/timeline?fieldworkStart=2027-09-20")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
