using Jtai.Orchestrator.Meetings;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.FieldworkTimetable;

/// <summary>An arrangement of the fieldwork timetable as the lead plans or changes it.</summary>
public sealed record TimetableEntryBody(string? Activity, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Mode, string? With,
    List<string?>? Inspectors, string? Location, string? Notes)
{
    /// <summary>The arrangement's form; <paramref name="team"/>: the inspection's team, whom the inspectors named must be on.</summary>
    public RequestErrors Check(IReadOnlyCollection<string> team)
    {
        var errors = new RequestErrors();
        if (errors.Required(Activity, "activity")) errors.OneOf(Activity, TimetableActivities.All, "activity");
        if (errors.Required(Mode, "mode")) errors.OneOf(Mode, MeetingModes.All, "mode");
        errors.Required(StartsAt, "startsAt");
        if (errors.Required(EndsAt, "endsAt") && EndsAt <= StartsAt) errors.Add("endsAt", "'endsAt' must be after 'startsAt'.");
        errors.MaxLength(With, TimetableEntry.WithLength, "with");
        errors.MaxLength(Location, TimetableEntry.LocationLength, "location");
        errors.MaxLength(Notes, TimetableEntry.NotesLength, "notes");
        if (Inspectors is not { Count: > 0 }) errors.Add("inspectors", "'inspectors' names at least one member of the team taking part.");
        else
            for (var i = 0; i < Inspectors.Count; i++)
                if (errors.Required(Inspectors[i], $"inspectors[{i}]") && !team.Contains(Inspectors[i]!.Trim()))
                    errors.Add($"inspectors[{i}]", $"'{Inspectors[i]}' is not on the inspection's team.");
        return errors;
    }
}
