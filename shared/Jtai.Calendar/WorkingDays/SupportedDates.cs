namespace Jtai.Calendar.WorkingDays;

/// <summary>
/// The days the platform reasons about, checked once where a date enters (the services' JSON
/// reading): a child's date of birth, an inspection and every deadline counted from it, with room
/// to spare. The calendar's own edges (0001-01-01, 9999-12-31) are no date anyone means, and
/// counting working days or London's offsets from them runs off the end of the calendar.
/// </summary>
public static class SupportedDates
{
    public static readonly DateOnly First = new(1900, 1, 1);
    public static readonly DateOnly Last = new(2199, 12, 31);

    public static bool Contains(DateOnly date) => date >= First && date <= Last;

    public static bool Contains(DateTimeOffset instant) => Contains(DateOnly.FromDateTime(instant.UtcDateTime));

    public static string Range => $"between {First:yyyy-MM-dd} and {Last:yyyy-MM-dd}";
}
