namespace Jtai.Calendar.WorkingDays;

/// <summary>
/// England and Wales' bank holidays as the Banking and Financial Dealings Act 1971 and custom make
/// them, before any one-off proclamation: New Year's Day, Good Friday, Easter Monday, early May
/// (first Monday), spring (last Monday of May), summer (last Monday of August), Christmas Day and
/// Boxing Day, each moved to the next free weekday when it falls at a weekend.
/// </summary>
public static class EnglandBankHolidayRules
{
    public static IReadOnlyList<BankHoliday> For(int year)
    {
        var easter = EasterSunday(year);
        var taken = new HashSet<DateOnly>();
        var holidays = new List<BankHoliday>
        {
            Substituted(new DateOnly(year, 1, 1), "New Year's Day", taken),
            new(easter.AddDays(-2), "Good Friday"),
            new(easter.AddDays(1), "Easter Monday"),
            new(FirstMonday(year, 5), "Early May bank holiday"),
            new(LastMonday(year, 5), "Spring bank holiday"),
            new(LastMonday(year, 8), "Summer bank holiday"),
        };
        // Christmas first, then Boxing Day: each takes the first weekday on or after its date that
        // the other has not taken (25th on Saturday: Monday 27th and Tuesday 28th).
        holidays.Add(Substituted(new DateOnly(year, 12, 25), "Christmas Day", taken));
        holidays.Add(Substituted(new DateOnly(year, 12, 26), "Boxing Day", taken));
        return holidays;
    }

    /// <summary>Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static BankHoliday Substituted(DateOnly date, string name, HashSet<DateOnly> taken)
    {
        var day = date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || taken.Contains(day)) day = day.AddDays(1);
        taken.Add(day);
        return new BankHoliday(day, day == date ? name : $"{name} (substitute day)");
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(-1);
        return day;
    }
}
