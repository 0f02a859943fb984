namespace Jtai.Inspectorate.FollowUp;

/// <summary>Working days (Monday to Friday except bank holidays in England): every follow-up deadline counts them.</summary>
public interface IWorkingDays
{
    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="from"/> (before, when negative).</summary>
    DateOnly Add(DateOnly from, int workingDays);
}

/// <summary>Weekends and the bank holidays configured under FollowUp:BankHolidays.</summary>
internal sealed class ConfiguredWorkingDays(Microsoft.Extensions.Options.IOptions<FollowUpOptions> options) : IWorkingDays
{
    private readonly HashSet<DateOnly> _holidays = [.. options.Value.BankHolidays];

    public DateOnly Add(DateOnly from, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var day = from;
        for (var left = Math.Abs(workingDays); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }

    private bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);
}
