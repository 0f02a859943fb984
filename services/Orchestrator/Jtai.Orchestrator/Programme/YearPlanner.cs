using Jtai.ServiceDefaults.Security;
using System.Globalization;
using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Team;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jtai.Orchestrator.Programme;

public sealed record PlannerWeek(DateOnly WeekStart, int IsoWeek, IReadOnlyList<string> BankHolidays, bool ChristmasPeriod);

public sealed record PlannerMember(string UserId, string Name, string Inspectorate, string TeamRole);

public sealed record PlannerInspection(Guid InspectionId, string LocalAreaCode, string LocalAreaName, string Theme, string Status,
    DateOnly FieldworkStart, DateOnly FieldworkEnd, IReadOnlyList<string> Inspectorates, Guid? ProgrammeId, IReadOnlyList<PlannerMember> Team,
    IReadOnlyList<string> BankHolidaysInFieldwork, bool InChristmasPeriod);

/// <summary>One inspectorate in one week: the inspections in fieldwork, how many of its people are on site, who is double-booked.</summary>
public sealed record PlannerCell(DateOnly WeekStart, IReadOnlyList<Guid> Inspections, int InspectorsInFieldwork, IReadOnlyList<string> Clashes);

/// <summary>One inspectorate's year: its capacity (the people it offered or has on the year's teams) and each week.</summary>
public sealed record PlannerRow(string Inspectorate, int Capacity, IReadOnlyList<PlannerCell> Weeks);

/// <summary>Someone in two fieldworks at once.</summary>
public sealed record PlannerClash(string UserId, string Name, string Inspectorate, DateOnly WeekStart, IReadOnlyList<Guid> Inspections);

public sealed record YearPlannerView(int Year, IReadOnlyList<PlannerWeek> Weeks, IReadOnlyList<PlannerRow> Inspectorates,
    IReadOnlyList<PlannerInspection> Inspections, IReadOnlyList<PlannerClash> Clashes, IReadOnlyList<ProgrammeSummary> Programmes);

/// <summary>
/// The year at a glance: every inspection's fieldwork week (programmed or scheduled on its own), per
/// inspectorate taking part, with each inspectorate's capacity and load per week, and what is wrong: a
/// person in two fieldworks at once, fieldwork over a bank holiday or in the Christmas period.
/// </summary>
public sealed class YearPlanner(OrchestratorDbContext db, ProgrammeData data, WorkingDayCalendar calendar, IOptions<PlanningOptions> options)
{
    public async Task<YearPlannerView> For(int year, CancellationToken ct)
    {
        var weeks = Weeks(year);
        var first = weeks[0].WeekStart;
        var last = weeks[^1].WeekStart.AddDays(6);
        var inspections = await db.Inspections.AsNoTracking()
            .Where(i => i.Status != "cancelled" && i.FieldworkStart >= first.AddDays(-14) && i.FieldworkStart <= last)
            .OrderBy(i => i.FieldworkStart).ThenBy(i => i.LocalAreaName).ToListAsync(ct);
        var ids = inspections.Select(i => i.Id).ToList();
        var teams = (await db.Set<TeamAssignment>().AsNoTracking().Where(a => ids.Contains(a.InspectionId)).ToListAsync(ct))
            .Where(a => ProgrammeData.FieldworkRoles.Contains(a.TeamRole)).ToLookup(a => a.InspectionId);
        var programmed = await db.Set<ProgrammeArea>().AsNoTracking().Where(a => a.InspectionId != null && ids.Contains(a.InspectionId.Value))
            .ToDictionaryAsync(a => a.InspectionId!.Value, a => a.ProgrammeId, ct);
        var programmes = await db.Set<InspectionProgramme>().AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.Theme)
            .Select(p => new ProgrammeSummary(p.Id, p.Theme, p.Year, p.Status, p.Areas.Count, p.ProposedAt)).ToListAsync(ct);
        var offered = await db.Set<ProgrammeInspector>().AsNoTracking()
            .Where(o => db.Set<InspectionProgramme>().Any(p => p.Id == o.ProgrammeId && p.Year == year))
            .Select(o => new { o.Inspectorate, o.UserId }).ToListAsync(ct);

        var shown = inspections.Select(i =>
        {
            var end = data.FieldworkEnd(i);
            var days = Enumerable.Range(0, end.DayNumber - i.FieldworkStart.DayNumber + 1).Select(i.FieldworkStart.AddDays).ToList();
            return new PlannerInspection(i.Id, i.LocalAreaCode, i.LocalAreaName, i.Theme, i.Status, i.FieldworkStart, end,
                data.TakingPart(i.Theme, i.FrameworkVersion), programmed.TryGetValue(i.Id, out var p) ? p : null,
                teams[i.Id].OrderBy(a => a.Inspectorate).ThenBy(a => a.TeamRole).ThenBy(a => a.Name)
                    .Select(a => new PlannerMember(a.UserId, a.Name, a.Inspectorate, a.TeamRole)).ToList(),
                days.Where(calendar.IsBankHoliday).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList(),
                days.Any(options.Value.InChristmasPeriod));
        }).Where(i => i.FieldworkEnd >= first).ToList();

        var clashes = Clashes(shown, weeks);
        var rows = Inspectorates.All.Select(inspectorate =>
        {
            var people = offered.Where(o => o.Inspectorate == inspectorate).Select(o => o.UserId)
                .Concat(shown.SelectMany(i => i.Team).Where(m => m.Inspectorate == inspectorate).Select(m => m.UserId))
                .Distinct().Count();
            var cells = weeks.Select(w =>
            {
                var inWeek = shown.Where(i => i.Inspectorates.Contains(inspectorate) && Overlaps(i, w.WeekStart)).ToList();
                var onSite = inWeek.SelectMany(i => i.Team).Where(m => m.Inspectorate == inspectorate).Select(m => m.UserId).Distinct().Count();
                var clashing = clashes.Where(c => c.Inspectorate == inspectorate && c.WeekStart == w.WeekStart).Select(c => c.UserId).ToList();
                return new PlannerCell(w.WeekStart, inWeek.Select(i => i.InspectionId).ToList(), onSite, clashing);
            }).ToList();
            return new PlannerRow(inspectorate, people, cells);
        }).ToList();
        return new YearPlannerView(year, weeks, rows, shown, clashes, programmes);
    }

    private static bool Overlaps(PlannerInspection i, DateOnly weekStart) => i.FieldworkStart <= weekStart.AddDays(6) && weekStart <= i.FieldworkEnd;

    private static List<PlannerClash> Clashes(IReadOnlyList<PlannerInspection> inspections, IReadOnlyList<PlannerWeek> weeks)
    {
        var clashes = new List<PlannerClash>();
        foreach (var person in inspections.SelectMany(i => i.Team.Select(m => (Member: m, Inspection: i))).GroupBy(x => x.Member.UserId))
            foreach (var week in weeks)
            {
                var busy = person.Where(x => Overlaps(x.Inspection, week.WeekStart)).ToList();
                // Two fieldworks in one week clash only if their days overlap.
                var overlapping = busy.Where(a => busy.Any(b => b.Inspection != a.Inspection
                    && a.Inspection.FieldworkStart <= b.Inspection.FieldworkEnd && b.Inspection.FieldworkStart <= a.Inspection.FieldworkEnd)).ToList();
                if (overlapping.Count > 1)
                    clashes.Add(new PlannerClash(person.Key, overlapping[0].Member.Name, overlapping[0].Member.Inspectorate, week.WeekStart,
                        overlapping.Select(x => x.Inspection.InspectionId).ToList()));
            }
        return clashes;
    }

    /// <summary>Monday-to-Sunday weeks from the one holding 1 January to the one holding 31 December.</summary>
    private List<PlannerWeek> Weeks(int year)
    {
        var monday = new DateOnly(year, 1, 1);
        while (monday.DayOfWeek != DayOfWeek.Monday) monday = monday.AddDays(-1);
        var weeks = new List<PlannerWeek>();
        for (; monday <= new DateOnly(year, 12, 31); monday = monday.AddDays(7))
        {
            var days = Enumerable.Range(0, 5).Select(monday.AddDays).ToList();
            weeks.Add(new PlannerWeek(monday, ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)),
                days.Where(calendar.IsBankHoliday).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList(),
                days.Any(options.Value.InChristmasPeriod)));
        }
        return weeks;
    }
}
