using Jtai.Contracts.Events;
using Jtai.Inspectorate.FollowUp;
using Xunit;

namespace Jtai.FollowUp.Tests;

public sealed class RoutingTests
{
    private static PriorityActionIdentified Action(params string[] agencies) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "E08000025", "Birmingham", agencies, false, "text", null, null, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("local-authority", "ofsted")]
    [InlineData("health", "cqc")]
    [InlineData("police", "hmicfrs")]
    [InlineData("education", "ofsted")]
    public void A_single_agency_is_followed_up_by_its_inspectorate(string agency, string inspectorate) =>
        Assert.Equal([inspectorate], PriorityActionRouting.Owners(Action(agency)));

    [Fact]
    public void Several_agencies_are_followed_up_by_their_own_inspectorates_only_and_the_masa_by_all_three()
    {
        Assert.Equal(["ofsted", "cqc", "hmicfrs"], PriorityActionRouting.Owners(Action("masa")));
        Assert.Equal(["ofsted", "cqc", "hmicfrs"], PriorityActionRouting.Owners(Action("police", "masa")));
        // Annex B: no ILACS action plan against a local authority the action does not name.
        Assert.Equal(["cqc", "hmicfrs"], PriorityActionRouting.Owners(Action("health", "police")));
        Assert.Equal(["ofsted", "hmicfrs"], PriorityActionRouting.Owners(Action("police", "local-authority")));
        Assert.True(PriorityActionRouting.IsCoordinated(["health", "police"]));
        Assert.True(PriorityActionRouting.IsCoordinated(["local-authority", "health"]));
        Assert.False(PriorityActionRouting.IsCoordinated(["health", "health"]));
        Assert.Equal(["cqc"], PriorityActionRouting.Owners(Action("health", "health")));
    }

    [Fact]
    public void A_message_that_cannot_be_followed_up_is_named_poison()
    {
        Assert.Null(PriorityActionRouting.Invalid(Action("police")));
        Assert.Contains("no agency", PriorityActionRouting.Invalid(Action()));
        Assert.Contains("unknown agency 'fire'", PriorityActionRouting.Invalid(Action("fire")));
        Assert.Contains("longer than", PriorityActionRouting.Invalid(Action("police") with { Text = new string('x', 4001) }));
        Assert.Contains("priority action id", PriorityActionRouting.Invalid(Action("police") with { PriorityActionId = Guid.Empty }));
    }
}
