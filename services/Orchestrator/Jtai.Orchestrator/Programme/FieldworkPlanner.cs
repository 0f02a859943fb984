using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Programme;

/// <summary>A person's fieldwork on some inspection: from the first to the last day on site.</summary>
public sealed record Fieldwork(string UserId, DateOnly From, DateOnly To);

public sealed record PlannedMember(string UserId, string Name, string Inspectorate, string TeamRole);

public sealed record PlannedInspection(string LocalAreaCode, string LocalAreaName, DateOnly FieldworkStart, DateOnly FieldworkEnd,
    IReadOnlyList<PlannedMember> Team);

/// <summary>
/// Places a programme's areas in fieldwork weeks across its year: every day of fieldwork a working day
/// (no bank holiday in England), nothing from notification to the end of fieldwork in the Christmas
/// period, notification still ahead, the weeks spread evenly over the year (highest-ranked first), and a
/// team from the inspectors offered for each week with nobody in two fieldworks at once — counting the
/// inspections they are already on.
/// </summary>
public sealed class FieldworkPlanner(TimelineCalculator timelines, PlanningOptions options)
{
    public sealed record Week(DateOnly FieldworkStart, DateOnly FieldworkEnd, DateOnly Notification);

    /// <summary>The Mondays of <paramref name="year"/> on which this framework's fieldwork may start.</summary>
    public IReadOnlyList<Week> EligibleWeeks(Framework framework, int year, DateOnly today)
    {
        var weeks = new List<Week>();
        var calendar = timelines.Calendar;
        for (var monday = FirstMonday(year); monday.Year == year; monday = monday.AddDays(7))
        {
            var timeline = timelines.Calculate(framework, monday);
            var end = timeline[MilestoneKeys.FieldworkEnd].Date;
            var notification = timeline[MilestoneKeys.Notification].Date;
            var days = Enumerable.Range(0, end.DayNumber - monday.DayNumber + 1).Select(monday.AddDays).ToList();
            // Fieldwork Monday to Friday (consultation ¶15, ¶34): a week with a bank holiday in it is not one.
            if (days.Count != 5 || days.Any(d => !calendar.IsWorkingDay(d))) continue;
            if (notification <= today) continue;
            var span = Enumerable.Range(0, end.DayNumber - notification.DayNumber + 1).Select(notification.AddDays);
            if (span.Any(options.InChristmasPeriod)) continue;
            weeks.Add(new Week(monday, end, notification));
        }
        return weeks;
    }

    public IReadOnlyList<PlannedInspection> Plan(Framework framework, int year, DateOnly today,
        IReadOnlyList<(string Code, string Name)> areas, IReadOnlyList<ProgrammeInspector> offered, IEnumerable<Fieldwork> alreadyBusy)
    {
        var weeks = EligibleWeeks(framework, year, today);
        if (weeks.Count < areas.Count)
            throw new DomainRuleException("programme-weeks",
                $"{year} has {weeks.Count} weeks in which fieldwork can still be planned (no bank holiday, clear of Christmas, notification ahead) for {areas.Count} areas.");
        var busy = alreadyBusy.ToList();
        var load = offered.ToDictionary(i => i.UserId, _ => 0);
        var used = new HashSet<DateOnly>();
        var planned = new List<PlannedInspection>();
        for (var i = 0; i < areas.Count; i++)
        {
            // Even spread: the i-th area aims at the middle of the i-th slice of the year's usable weeks.
            var target = (int)Math.Floor((i + 0.5) * weeks.Count / areas.Count);
            var shortages = new List<string>();
            PlannedInspection? placed = null;
            // First a week no other inspection of this programme uses; only if none is staffable, a shared one.
            foreach (var allowShared in new[] { false, true })
            {
                foreach (var week in Outward(weeks, target).Where(w => allowShared || !used.Contains(w.FieldworkStart)))
                {
                    if (Staff(framework, week, offered, busy, load, shortages) is not { } team) continue;
                    placed = new PlannedInspection(areas[i].Code, areas[i].Name, week.FieldworkStart, week.FieldworkEnd, team);
                    break;
                }
                if (placed is not null) break;
            }
            if (placed is null)
                throw new DomainRuleException("programme-capacity",
                    $"No week of {year} can be staffed for {areas[i].Name} without someone in two fieldworks at once: " +
                    $"{string.Join("; ", shortages.Distinct().Take(5))}. Offer more inspectors.");
            foreach (var member in placed.Team)
            {
                busy.Add(new Fieldwork(member.UserId, placed.FieldworkStart, placed.FieldworkEnd));
                load[member.UserId]++;
            }
            used.Add(placed.FieldworkStart);
            planned.Add(placed);
        }
        return planned;
    }

    private static List<PlannedMember>? Staff(Framework framework, Week week, IReadOnlyList<ProgrammeInspector> offered,
        List<Fieldwork> busy, Dictionary<string, int> load, List<string> shortages)
    {
        var team = new List<PlannedMember>();
        foreach (var place in framework.Team)
        {
            var free = offered
                .Where(o => o.Inspectorate == place.Inspectorate && o.TeamRole == place.TeamRole && team.All(t => t.UserId != o.UserId))
                .Where(o => !busy.Any(b => b.UserId == o.UserId && b.From <= week.FieldworkEnd && week.FieldworkStart <= b.To))
                .OrderBy(o => load[o.UserId]).ThenBy(o => o.UserId, StringComparer.Ordinal)
                .Take(place.Count).ToList();
            if (free.Count < place.Count)
            {
                shortages.Add($"{place.Inspectorate} needs {place.Count} {place.TeamRole}{(place.Count == 1 ? "" : "s")} free");
                return null;
            }
            team.AddRange(free.Select(o => new PlannedMember(o.UserId, o.Name, o.Inspectorate, o.TeamRole)));
        }
        return team;
    }

    /// <summary>The weeks nearest the target first: target, target+1, target−1, target+2 ...</summary>
    private static IEnumerable<Week> Outward(IReadOnlyList<Week> weeks, int target)
    {
        for (var d = 0; d < weeks.Count; d++)
        {
            if (target + d < weeks.Count) yield return weeks[target + d];
            if (d > 0 && target - d >= 0) yield return weeks[target - d];
        }
    }

    private static DateOnly FirstMonday(int year)
    {
        var day = new DateOnly(year, 1, 1);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }
}
