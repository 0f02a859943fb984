using Jtai.Calendar.Frameworks;
using Jtai.Calendar.WorkingDays;

namespace Jtai.Calendar.Timeline;

/// <summary>
/// Places every milestone of a framework from a fieldwork start, counting England's working days.
/// Counting from notification rather than naming weekdays keeps Annex A right when a bank holiday
/// falls in week 1 or 2: notification moves earlier and each request keeps its working-day gap.
/// </summary>
public sealed class TimelineCalculator(WorkingDayCalendar calendar)
{
    /// <summary>The name rules use for the date the timeline is computed from.</summary>
    public const string FieldworkStartAnchor = "fieldwork-start";

    public WorkingDayCalendar Calendar => calendar;

    public InspectionTimeline Calculate(Framework framework, DateOnly fieldworkStart) =>
        Calculate(framework, fieldworkStart, new Dictionary<string, DateOnly>());

    /// <summary>
    /// As planned, except that milestones in <paramref name="actualDates"/> happened on those days
    /// and everything counted from them follows: a letter published a day late carries its real
    /// date, and the statement of action's 70 working days count from it (¶86).
    /// </summary>
    public InspectionTimeline Calculate(Framework framework, DateOnly fieldworkStart, IReadOnlyDictionary<string, DateOnly> actualDates)
    {
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal) { [FieldworkStartAnchor] = fieldworkStart };
        var milestones = new List<Milestone>(framework.Milestones.Count);
        foreach (var rule in framework.Milestones)
        {
            var date = actualDates.TryGetValue(rule.Key, out var actual) ? actual : calendar.AddWorkingDays(dates[rule.From], rule.WorkingDays);
            dates[rule.Key] = date;
            milestones.Add(new Milestone(rule.Key, date, LondonTime.At(date, rule.Time), rule.Description));
        }
        // A stable sort: same-instant milestones keep the framework's order.
        return new InspectionTimeline(framework.Key, framework.Version, fieldworkStart, [.. milestones.OrderBy(m => m.DueAt)]);
    }

    /// <summary>
    /// Why <paramref name="fieldworkStart"/> cannot start fieldwork, or null: it must be a working
    /// day, because inspectors are on site from its first hour.
    /// </summary>
    public string? FieldworkStartProblem(DateOnly fieldworkStart)
    {
        if (fieldworkStart.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            return $"'fieldworkStart' {fieldworkStart:yyyy-MM-dd} is a {fieldworkStart.DayOfWeek}: fieldwork starts on a working day.";
        if (calendar.IsBankHoliday(fieldworkStart))
            return $"'fieldworkStart' {fieldworkStart:yyyy-MM-dd} is a bank holiday in England: fieldwork starts on a working day.";
        return null;
    }
}
