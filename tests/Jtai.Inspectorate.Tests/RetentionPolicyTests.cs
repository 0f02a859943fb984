using Jtai.Inspectorate.Retention;
using Jtai.ServiceDefaults.Criteria;
using Jtai.ServiceDefaults.Problems;
using Xunit;

namespace Jtai.Inspectorate.Tests;

public sealed class RetentionPolicyTests
{
    private static readonly DateTimeOffset Published = new(2027, 1, 31, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Expiry_is_calendar_months_after_the_trigger_clamped_to_month_end() =>
        Assert.Equal(new DateTimeOffset(2028, 2, 29, 9, 30, 0, TimeSpan.Zero), RetentionPolicy.ExpiresAt(Published, 13));

    [Theory]
    [InlineData(-1, false, false)]
    [InlineData(0, false, true)]
    [InlineData(1, false, true)]
    [InlineData(1, true, false)]
    public void Purge_only_once_expired_and_not_held(int minutesAfterExpiry, bool held, bool expected) =>
        Assert.Equal(expected, RetentionPolicy.MayPurge(Published, 72, held, RetentionPolicy.ExpiresAt(Published, 72).AddMinutes(minutesAfterExpiry)));

    [Fact]
    public void Never_triggered_is_never_purged() => Assert.False(RetentionPolicy.MayPurge(null, 0, false, DateTimeOffset.MaxValue));

    [Fact]
    public void Trigger_stages_are_a_comma_separated_list() =>
        Assert.Equal(["cancelled", "published"], new RetentionOptions { Trigger = " published, cancelled ," }.TriggerStages.Order());

    [Fact]
    public void Criteria_are_normalised_and_unknown_ones_named_by_index()
    {
        var valid = Enumerable.Range(1, 22).Select(n => $"EC{n}").ToHashSet();
        var errors = new RequestErrors();
        var result = errors.Validate(["ec3", " EC 07", "EC3", "EC23", "criterion 4", null], valid, "criteria", required: true);
        Assert.Equal(["EC3", "EC7"], result);
        Assert.Equal(["criteria[3]", "criteria[4]", "criteria[5]"], errors.ToDictionary().Keys.Order());

        var empty = new RequestErrors();
        empty.Validate([], valid, "criteria", required: true);
        Assert.Contains("criteria", empty.ToDictionary().Keys);
    }
}
