using Jtai.Contracts.InformationRequests;

namespace Jtai.Orchestrator.InformationRequests;

/// <summary>
/// When each item is due: the table of ¶91 counted back in working days from the fieldwork start
/// (Monday of week 3), at the stated time in England. Counting back from fieldwork rather than
/// forward from notification keeps week 2 Thursday at "2 working days before fieldwork" (¶106).
/// </summary>
public static class AnnexADeadlines
{
    private static readonly TimeZoneInfo England = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset DueAt(DateOnly fieldworkStart, DueBefore due)
    {
        var day = WorkingDaysBack(fieldworkStart, due.WorkingDaysBeforeFieldwork);
        var local = day.ToDateTime(due.LocalTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, England.GetUtcOffset(local));
    }

    /// <summary>
    /// The working day <paramref name="days"/> working days before <paramref name="from"/>. Weekends only:
    /// bank holidays wait for the platform's working-day calendar (issue 3).
    /// </summary>
    public static DateOnly WorkingDaysBack(DateOnly from, int days)
    {
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(-1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return day;
    }
}
