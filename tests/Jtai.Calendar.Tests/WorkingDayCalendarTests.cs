using Jtai.Calendar.WorkingDays;
using Xunit;

namespace Jtai.Calendar.Tests;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar England = WorkingDayCalendar.England();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Rules, as published on gov.uk/bank-holidays.
    [InlineData(2027, "2027-01-01,2027-03-26,2027-03-29,2027-05-03,2027-05-31,2027-08-30,2027-12-27,2027-12-28")]
    [InlineData(2026, "2026-01-01,2026-04-03,2026-04-06,2026-05-04,2026-05-25,2026-08-31,2026-12-25,2026-12-28")]
    [InlineData(2021, "2021-01-01,2021-04-02,2021-04-05,2021-05-03,2021-05-31,2021-08-30,2021-12-27,2021-12-28")]
    [InlineData(2022, "2022-01-03,2022-04-15,2022-04-18,2022-05-02,2022-06-02,2022-06-03,2022-08-29,2022-09-19,2022-12-26,2022-12-27")]
    [InlineData(2020, "2020-01-01,2020-04-10,2020-04-13,2020-05-08,2020-05-25,2020-08-31,2020-12-25,2020-12-28")]
    [InlineData(2023, "2023-01-02,2023-04-07,2023-04-10,2023-05-01,2023-05-08,2023-05-29,2023-08-28,2023-12-25,2023-12-26")]
    public void Bank_holidays_follow_the_rules_and_the_one_off_changes(int year, string expected)
    {
        var dates = England.BankHolidays(year).Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Split(','), dates);
    }

    [Fact]
    public void A_moved_holiday_leaves_its_old_day_a_working_day()
    {
        Assert.True(England.IsWorkingDay(D("2022-05-30")));
        Assert.True(England.IsWorkingDay(D("2020-05-04")));
        Assert.False(England.IsWorkingDay(D("2022-06-02")));
    }

    [Fact]
    public void Working_days_skip_weekends_and_holidays_both_ways()
    {
        // Thursday before Easter 2027 + 1 working day = the Tuesday after Easter Monday.
        Assert.Equal(D("2027-03-30"), England.AddWorkingDays(D("2027-03-25"), 1));
        Assert.Equal(D("2027-03-25"), England.AddWorkingDays(D("2027-03-30"), -1));
        Assert.Equal(1, England.WorkingDaysBetween(D("2027-03-25"), D("2027-03-30")));
        Assert.Equal(-1, England.WorkingDaysBetween(D("2027-03-30"), D("2027-03-25")));
        Assert.Equal(D("2027-03-30"), England.NextWorkingDay(D("2027-03-26")));
    }

    [Fact]
    public void An_operators_file_adds_a_holiday_without_a_release()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                { "changes": [ { "date": "2027-06-14", "name": "A proclaimed holiday" },
                               { "replaces": "2027-08-30", "name": "Summer holiday cancelled" } ] }
                """);
            var calendar = WorkingDayCalendar.England(BankHolidayChanges.FromFile(path));
            Assert.False(calendar.IsWorkingDay(D("2027-06-14")));
            Assert.True(calendar.IsWorkingDay(D("2027-08-30")));
            Assert.True(England.IsWorkingDay(D("2027-06-14")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_malformed_changes_file_is_refused_naming_the_change()
    {
        using var stream = new MemoryStream("""{ "changes": [ { "name": "no date" } ] }"""u8.ToArray());
        var error = Assert.Throws<InvalidOperationException>(() => BankHolidayChanges.Read(stream, "test.json"));
        Assert.Contains("Change 1", error.Message);
    }

    [Fact]
    public void London_times_carry_summer_and_winter_offsets()
    {
        Assert.Equal(TimeSpan.Zero, LondonTime.At(D("2027-01-12"), new TimeOnly(17, 0)).Offset);
        Assert.Equal(TimeSpan.FromHours(1), LondonTime.At(D("2027-07-13"), new TimeOnly(17, 0)).Offset);
        Assert.Equal(new DateTimeOffset(2027, 7, 13, 16, 0, 0, TimeSpan.Zero), LondonTime.At(D("2027-07-13"), new TimeOnly(17, 0)));
    }
}
