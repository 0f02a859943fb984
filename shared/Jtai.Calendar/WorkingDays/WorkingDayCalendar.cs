using System.Collections.Concurrent;

namespace Jtai.Calendar.WorkingDays;

/// <summary>
/// England's working days: Monday to Friday except bank holidays (the rules plus one-off changes).
/// Every JTAI deadline counts these (guidance ¶13, ¶83–86, ¶106, ¶120).
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly IReadOnlyList<BankHolidayChange> _changes;
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, BankHoliday>> _years = new();

    public WorkingDayCalendar(IEnumerable<BankHolidayChange> changes) => _changes = changes.ToList();

    /// <summary>The rules and the changes shipped with this release, plus any extra changes (an operator's file).</summary>
    public static WorkingDayCalendar England(IEnumerable<BankHolidayChange>? extraChanges = null) =>
        new(BankHolidayChanges.Shipped().Concat(extraChanges ?? []));

    public IReadOnlyList<BankHoliday> BankHolidays(int year) => [.. Year(year).Values.OrderBy(h => h.Date)];

    public bool IsBankHoliday(DateOnly date) => Year(date.Year).ContainsKey(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after (or, when negative, before)
    /// <paramref name="from"/>; <paramref name="from"/> itself is day 0 and need not be a working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        var step = workingDays < 0 ? -1 : 1;
        var day = from;
        for (var left = Math.Abs(workingDays); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    // Every working day counted asks for its year: the look-up comes first, so the common case
    // allocates nothing (GetOrAdd's lambda would, capturing this, on every call).
    private IReadOnlyDictionary<DateOnly, BankHoliday> Year(int year) =>
        _years.TryGetValue(year, out var days) ? days : _years.GetOrAdd(year, BuildYear);

    private IReadOnlyDictionary<DateOnly, BankHoliday> BuildYear(int y)
    {
        var days = EnglandBankHolidayRules.For(y).ToDictionary(h => h.Date);
        foreach (var change in _changes)
        {
            if (change.Replaces is { } replaced && replaced.Year == y) days.Remove(replaced);
        }
        foreach (var change in _changes)
        {
            if (change.Date is { } added && added.Year == y) days[added] = new BankHoliday(added, change.Name);
        }
        return days;
    }
}
