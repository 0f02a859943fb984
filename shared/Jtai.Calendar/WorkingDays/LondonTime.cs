namespace Jtai.Calendar.WorkingDays;

/// <summary>
/// Every JTAI time is a time in England (17:00 means 17:00 in London, GMT or BST); instants are
/// stored and sent as DateTimeOffset with London's offset of that day.
/// </summary>
public static class LondonTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A time skipped by the spring change does not exist: take the same wall time an hour later.
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public static DateTimeOffset ToLondon(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLondon(clock.GetUtcNow()).DateTime);
}
