using Jtai.Calendar.Registry;
using System.Globalization;
using Jtai.Contracts.Events;

namespace Jtai.Orchestrator.Programme;

/// <summary>One inspection of an area the platform holds: when its fieldwork was, on which theme, what it found.</summary>
public sealed record AreaInspection(Guid InspectionId, string Theme, bool Joint, DateOnly FieldworkStart, string Status, int PriorityActions);

/// <summary>Everything the platform holds about one area that bears on the programme.</summary>
public sealed record AreaRecord(string LocalAreaCode, string LocalAreaName, IReadOnlyList<ProgrammeIntelligence> Intelligence, IReadOnlyList<AreaInspection> Inspections);

/// <summary>One reason an area scores what it scores: where it comes from, its points and what it says.</summary>
public sealed record RankingReason(string Source, int Points, string Text, Guid? IntelligenceId = null, Guid? InspectionId = null, string? SharedBy = null);

public sealed record Candidate(int Rank, string LocalAreaCode, string LocalAreaName, int Score, IReadOnlyList<RankingReason> Reasons);

/// <summary>
/// Ranks candidate areas for one theme's programme year from what the platform holds: shared
/// intelligence (programme note ¶8; consultation ¶29–30), previous JTAIs and their priority actions,
/// time since the area's last JTAI, and recent inspections of the area. The score is the sum of its
/// reasons' points, each shown: a transparent score, not a black box.
/// </summary>
public static class CandidateRanking
{
    public static class Sources
    {
        public const string Concern = "shared-concern";
        public const string ExceptionalPractice = "shared-exceptional-practice";
        public const string RoutineInspection = "recent-routine-inspection";
        public const string PriorityActions = "previous-jtai-priority-actions";
        public const string NeverInspected = "no-previous-jtai";
        public const string TimeSinceLastJtai = "time-since-last-jtai";
        public const string SameTheme = "theme-already-inspected";
        public const string RecentInspection = "recent-inspection";
    }

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<Candidate> Rank(IEnumerable<AreaRecord> areas, string theme, int year, DateOnly today, RankingOptions weights)
    {
        // Time since the last JTAI is judged at the start of the programme year (or today, if later).
        var reference = new DateOnly(year, 1, 1) > today ? new DateOnly(year, 1, 1) : today;
        var scored = areas.Select(a => (Area: a, Reasons: Reasons(a, theme, year, today, reference, weights))).ToList();
        return scored
            .Select(s => (s.Area, s.Reasons, Score: s.Reasons.Sum(r => r.Points)))
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Reasons.Count(r => r.Source == Sources.Concern))
            .ThenBy(s => s.Area.LocalAreaName, StringComparer.Ordinal)
            .ThenBy(s => s.Area.LocalAreaCode, StringComparer.Ordinal)
            .Select((s, i) => new Candidate(i + 1, s.Area.LocalAreaCode, s.Area.LocalAreaName, s.Score, s.Reasons))
            .ToList();
    }

    private static List<RankingReason> Reasons(AreaRecord area, string theme, int year, DateOnly today, DateOnly reference, RankingOptions w)
    {
        var reasons = new List<RankingReason>();
        var intelligenceFrom = today.AddMonths(-w.IntelligenceMonths);
        var routineFrom = today.AddMonths(-w.RecentRoutineInspectionMonths);
        foreach (var item in area.Intelligence.OrderByDescending(i => i.ObservedOn).ThenBy(i => i.Id))
        {
            var by = InspectorateName(item.SharedBy);
            var seen = $"{item.Programme}, seen {Date(item.ObservedOn)}";
            switch (item.Kind)
            {
                case IntelligenceKinds.Concern when item.ObservedOn >= intelligenceFrom:
                    reasons.Add(new(Sources.Concern, w.Concern, $"Concern shared by {by} ({seen}): {item.What}", item.Id, null, item.SharedBy));
                    break;
                case IntelligenceKinds.ExceptionalPractice when item.ObservedOn >= intelligenceFrom:
                    reasons.Add(new(Sources.ExceptionalPractice, w.ExceptionalPractice,
                        $"Exceptional practice shared by {by} ({seen}), to be highlighted for others: {item.What}", item.Id, null, item.SharedBy));
                    break;
                case IntelligenceKinds.RoutineInspection when item.ObservedOn >= routineFrom:
                    reasons.Add(new(Sources.RoutineInspection, w.RecentRoutineInspection,
                        $"Inspected recently by {by} ({seen}): {item.What}", item.Id, null, item.SharedBy));
                    break;
            }
        }

        var live = area.Inspections.Where(i => i.Status != "cancelled").ToList();
        var previousJtais = live.Where(i => i.Joint && i.FieldworkStart < reference).OrderByDescending(i => i.FieldworkStart).ToList();
        if (previousJtais.FirstOrDefault() is { } last)
        {
            var years = Math.Min(FullYears(last.FieldworkStart, reference), w.MaxYearsSinceLastJtai);
            if (years > 0)
                reasons.Add(new(Sources.TimeSinceLastJtai, years * w.PerYearSinceLastJtai,
                    $"{years} full year{(years == 1 ? "" : "s")} since its last JTAI (fieldwork from {Date(last.FieldworkStart)}).", null, last.InspectionId));
            if (last.PriorityActions > 0)
                reasons.Add(new(Sources.PriorityActions, last.PriorityActions * w.PriorityAction,
                    $"Its last JTAI ({Words(last.Theme)}, fieldwork from {Date(last.FieldworkStart)}) found {last.PriorityActions} area{(last.PriorityActions == 1 ? "" : "s")} for priority action.",
                    null, last.InspectionId));
        }
        else if (!live.Any(i => i.Joint))
        {
            reasons.Add(new(Sources.NeverInspected, w.NeverInspected, "No JTAI of this area is on record."));
        }

        if (live.Where(i => i.Joint && i.Theme == theme).OrderByDescending(i => i.FieldworkStart).FirstOrDefault() is { } sameTheme)
            reasons.Add(new(Sources.SameTheme, w.SameTheme,
                $"It already has a JTAI on this theme (fieldwork from {Date(sameTheme.FieldworkStart)}).", null, sameTheme.InspectionId));

        // Not inspected twice in quick succession: fieldwork in the months before the year, or already in it.
        var recentFrom = new DateOnly(year, 1, 1).AddMonths(-w.RecentInspectionMonths);
        if (live.Where(i => i.FieldworkStart >= recentFrom && i.FieldworkStart <= new DateOnly(year, 12, 31)).OrderByDescending(i => i.FieldworkStart).FirstOrDefault() is { } recent)
            reasons.Add(new(Sources.RecentInspection, w.RecentInspection,
                $"An inspection of this area ({Words(recent.Theme)}) has fieldwork from {Date(recent.FieldworkStart)}, within {w.RecentInspectionMonths} months of the programme year or in it.",
                null, recent.InspectionId));
        return reasons;
    }

    private static int FullYears(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        if (from.AddYears(years) > to) years--;
        return Math.Max(0, years);
    }

    public static string InspectorateName(string inspectorate) =>
        InspectorateRegistry.Current.IsInspectorate(inspectorate) ? InspectorateRegistry.Current.Inspectorate(inspectorate).Name : inspectorate;

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    private static string Words(string key) => key.Replace('-', ' ');
}
