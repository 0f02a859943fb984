using System.Net;
using Jtai.Platform.Tests.Intelligence;
using Xunit;

namespace Jtai.Platform.Tests.Programme;

/// <summary>
/// Candidates for a theme's programme ranked from what the platform holds, each with its reasons and
/// their points (programme note ¶8; consultation ¶29–30): a transparent score, not a black box.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgrammeRankingTests(PlatformFixture fixture)
{
    private Testing.Platform Platform => fixture.Platform;

    [Fact]
    public async Task A_concern_shared_by_hmicfrs_raises_an_area_in_ofsteds_ranking_with_the_reason_shown()
    {
        var year = Platform.NextYear();
        const string theme = "criminal-exploitation";
        // Blackburn with Darwen: CQC shared exceptional practice. Blackpool: only a recent ILACS inspection is known.
        await Platform.Share("cqc", new
        {
            localAreaCode = "E06000008", localAreaName = "Blackburn with Darwen", kind = "exceptional-practice", programme = "children-looked-after-and-safeguarding",
            what = "Health practitioners in the MASH share information about exploited children the same day.", observedOn = Platform.Today().AddMonths(-2),
        });
        var routine = await Platform.RoutineInspection("E06000009", "Blackpool", monthsAgo: 3);
        var before = await Platform.CandidatesOnceHolding(theme, year, routine);
        var blackburn = before.Candidate("E06000008")!;
        var blackpool = before.Candidate("E06000009")!;
        Assert.True(blackpool["rank"]!.GetValue<int>() > blackburn["rank"]!.GetValue<int>());
        // Every reason carries its points, and they add up to the score.
        foreach (var candidate in new[] { blackburn, blackpool })
            Assert.Equal(candidate["score"]!.GetValue<int>(), candidate["reasons"]!.AsArray().Sum(r => r!["points"]!.GetValue<int>()));
        Assert.Contains(blackpool["reasons"]!.AsArray(), r => r!["source"]!.GetValue<string>() == "recent-routine-inspection");
        Assert.Equal(3, before["points"]!["concern"]!.GetValue<int>());

        // HMICFRS's PEEL inspection saw a concern in Blackpool and shared it.
        var concern = await Platform.Share("hmicfrs", IntelligenceSteps.Concern("E06000009", "Blackpool", "peel", Platform.Today().AddDays(-14),
            "Missing-from-home episodes of exploited children are not passed to the MASH."));
        var after = await Platform.CandidatesOnceHolding(theme, year, concern["id"]!.GetValue<Guid>());
        var raised = after.Candidate("E06000009")!;
        Assert.Equal(blackpool["score"]!.GetValue<int>() + 3, raised["score"]!.GetValue<int>());
        Assert.True(raised["rank"]!.GetValue<int>() < after.Candidate("E06000008")!["rank"]!.GetValue<int>(),
            "Blackpool now ranks above Blackburn with Darwen");
        var reason = raised["reasons"]!.AsArray().Single(r => r!["source"]!.GetValue<string>() == "shared-concern")!;
        Assert.Equal("hmicfrs", reason["sharedBy"]!.GetValue<string>());
        Assert.Equal(3, reason["points"]!.GetValue<int>());
        Assert.Contains("Concern shared by HMICFRS (peel", reason["text"]!.GetValue<string>());
        Assert.Contains("Missing-from-home episodes", reason["text"]!.GetValue<string>());

        // Inspectorate staff read the ranking; partner agencies and operations never do.
        Assert.NotNull((await Platform.Candidates(theme, year, role: "inspector", inspectorate: "cqc")).Candidate("E06000009"));
        using var partner = Platform.Client(await Platform.Tokens.Partner("E06000009", "local-authority"));
        (await partner.GetAsync($"/api/orchestrator/programme-candidates?theme={theme}&year={year}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var operations = Platform.Client(await Platform.Tokens.Operations());
        (await operations.GetAsync($"/api/orchestrator/planner?year={year}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_area_with_an_inspection_in_or_just_before_the_year_is_lowered_naming_that_inspection()
    {
        var year = Platform.NextYear();
        // Torbay has a JTAI scheduled a few weeks from now: inspected recently when next year's programme is drawn up.
        // (An area no other test on this shared platform schedules in, so this is its only inspection.)
        var torbay = (await Platform.ScheduleInspection(area: "E06000027", areaName: "Torbay"))["id"]!.GetValue<Guid>();
        var candidates = await Platform.Candidates("serious-youth-violence", year);
        var reasons = candidates.Candidate("E06000027")!["reasons"]!.AsArray();
        var recent = reasons.Single(r => r!["source"]!.GetValue<string>() == "recent-inspection")!;
        Assert.Equal(-10, recent["points"]!.GetValue<int>());
        Assert.Equal(torbay, recent["inspectionId"]!.GetValue<Guid>());
        Assert.DoesNotContain(reasons, r => r!["source"]!.GetValue<string>() == "no-previous-jtai");

        using var client = Platform.Client(await Platform.Tokens.Staff("inspector", "ofsted"));
        var bad = await (await client.GetAsync("/api/orchestrator/programme-candidates?theme=knife-crime&year=1999")).ExpectProblem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["theme"]);
        Assert.NotNull(bad["errors"]!["year"]);
    }
}
