using System.Globalization;

namespace Jtai.Web.Pages.Forms;

/// <summary>GOV.UK's date input: day, month and year as typed.</summary>
public sealed class DateParts
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts Of(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    /// <summary>The date, or an error in GOV.UK's words ("Enter the …", "… must be a real date").</summary>
    public DateOnly? ToDate(string anchor, string what, List<PageError> errors, bool required = true)
    {
        if (IsEmpty)
        {
            if (required) errors.Add(new PageError(anchor, $"Enter the {what}"));
            return null;
        }
        if (!int.TryParse(Day, out var d) || !int.TryParse(Month, out var m) || !int.TryParse(Year, out var y)
            || y is < 1900 or > 2199 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            errors.Add(new PageError(anchor, $"The {what} must be a real date"));
            return null;
        }
        return new DateOnly(y, m, d);
    }

    /// <summary>
    /// The London date (and time, else midday) as an instant, or an error in GOV.UK's words. Today's date
    /// without a time, entered before midday, is now: evidence gathered this morning is not in the future.
    /// </summary>
    public DateTimeOffset? ToInstant(string anchor, string what, string? time, List<PageError> errors, DateTimeOffset? now = null)
    {
        if (ToDate(anchor, what, errors) is not { } date) return null;
        var clock = new TimeOnly(12, 0);
        if (!string.IsNullOrWhiteSpace(time) && !TimeOnly.TryParseExact(time.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out clock))
        {
            errors.Add(new PageError(anchor, "Enter the time of the meeting as hours and minutes, like 14:30"));
            return null;
        }
        var local = date.ToDateTime(clock);
        var instant = new DateTimeOffset(local, London.GetUtcOffset(local));
        return string.IsNullOrWhiteSpace(time) && now is { } current && instant > current ? (date == DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(current, London).DateTime) ? current : instant) : instant;
    }
}
