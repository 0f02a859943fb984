using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Inspections;

namespace Jtai.Orchestrator.Timeline;

/// <summary>
/// The inspection's milestones as iCalendar events in Europe/London time, one per milestone with a
/// UID stable across deferrals (inspection id + key), so a subscribed calendar moves the event
/// rather than duplicating it.
/// </summary>
public static class IcsFeed
{
    public static string Write(Inspection inspection, IEnumerable<InspectionMilestone> milestones, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//JTAI platform//Inspection timeline//EN" };
        calendar.AddTimeZone(new VTimeZone(LondonTime.Zone.Id));
        calendar.AddProperty("X-WR-CALNAME", $"JTAI {inspection.LocalAreaName} ({inspection.Theme})");
        foreach (var milestone in milestones)
        {
            var local = LondonTime.ToLondon(milestone.DueAt).DateTime;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{inspection.Id:N}-{milestone.Key}@jtai",
                Summary = $"JTAI {inspection.LocalAreaName}: {milestone.Key}",
                Description = milestone.Description,
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
                DtStart = new CalDateTime(local, LondonTime.Zone.Id),
                DtEnd = new CalDateTime(local.AddMinutes(30), LondonTime.Zone.Id),
                Categories = [milestone.Key],
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
