using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.InformationRequests;
using Jtai.Ofsted.CaseSelection;
using Xunit;

namespace Jtai.InformationRequests.Tests;

public sealed class CaseSelectionLogicTests
{
    private static readonly DateOnly Today = new(2026, 11, 2);

    private static List<ChildProfile> Population()
    {
        var random = new Random(5);
        string[] needs = ["contact only", "early help", "child in need", "child protection"];
        string[] agencies = ["police", "health", "education", "individual", "local authority"];
        string[] ethnicities = ["WBRI", "WBRI", "WBRI", "WBRI", "APKN", "BAFR", "MWBC", "CHNE"];
        // Mostly older white boys with a contact only: a naive pick would be all of them.
        return Enumerable.Range(0, 2000).Select(i => new ChildProfile(
            $"C{i:D5}", i % 10 == 0 ? "Female" : "Male", ethnicities[i % 17 == 0 ? random.Next(ethnicities.Length) : 0],
            Today.AddYears(-10), i % 23 == 0 ? -1 : i % 7 == 0 ? random.Next(0, 18) : 14,
            i % 19 == 0 ? "Yes" : "No", needs[i % 13 == 0 ? random.Next(needs.Length) : 0],
            Today.AddDays(-random.Next(1, 300)), agencies[i % 11 == 0 ? random.Next(agencies.Length) : 0], [1])).ToList();
    }

    [Fact]
    public void The_proposal_covers_every_value_of_every_dimension_present_in_the_lists()
    {
        var population = Population();
        var proposal = BalancedSample.Propose(population, 30, Today);
        Assert.Equal(30, proposal.Select(c => c.ChildId).Distinct().Count());
        var all = BalancedSample.Of(population, Today);
        var chosen = BalancedSample.Of(proposal, Today);
        foreach (var dimension in ChildProfile.Dimensions)
            Assert.Equal(all.Dimensions[dimension].Keys.Order(), chosen.Dimensions[dimension].Keys.Order());
        // No value dominates the 30 the way it dominates the lists, and the minority gets well over its share.
        foreach (var dimension in ChildProfile.Dimensions)
        {
            var top = all.Dimensions[dimension].First();
            Assert.True(chosen.Dimensions[dimension].GetValueOrDefault(top.Key) / 30.0 < top.Value / (double)population.Count,
                $"{dimension}: '{top.Key}' is {top.Value} of {population.Count} in the lists and {chosen.Dimensions[dimension].GetValueOrDefault(top.Key)} of 30");
        }
        Assert.True(chosen.Dimensions["sex"]["Female"] >= 6, "girls are a tenth of the lists and at least a fifth of the 30");
    }

    [Fact]
    public void The_proposal_is_the_same_every_time()
    {
        var population = Population();
        Assert.Equal(BalancedSample.Propose(population, 30, Today).Select(c => c.ChildId),
            BalancedSample.Propose(population.AsEnumerable().Reverse().ToList(), 30, Today).Select(c => c.ChildId));
    }

    [Fact]
    public void Every_item_of_the_request_is_due_by_a_milestone_of_every_frameworks_timeline()
    {
        var catalog = FrameworkCatalog.Load();
        var calculator = new TimelineCalculator(WorkingDayCalendar.England());
        foreach (var key in catalog.Keys)
        {
            var timeline = calculator.Calculate(catalog.Latest(key), new DateOnly(2027, 3, 1));
            Assert.All(AnnexAItems.All, item => Assert.True(timeline.Has(item.Due), $"{key} has no milestone {item.Due}"));
        }
        // ¶91: lists by week 1 Tuesday 17:00, the partnership's audits 2 working days before fieldwork.
        var frontDoor = calculator.Calculate(catalog.Latest("front-door"), new DateOnly(2027, 3, 1));
        Assert.Equal(LondonTime.At(new DateOnly(2027, 2, 16), new TimeOnly(17, 0)), frontDoor[AnnexAItems.Week1Tuesday].DueAt);
        Assert.Equal(LondonTime.At(new DateOnly(2027, 2, 25), new TimeOnly(17, 0)), frontDoor[AnnexAItems.Week2Thursday].DueAt);
        Assert.Equal(50, AnnexAItems.All.Count);
        Assert.Equal(36, AnnexAItems.PerformanceItems.Count);
    }
}
