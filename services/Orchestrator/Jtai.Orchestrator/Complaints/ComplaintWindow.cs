using Jtai.Calendar.WorkingDays;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Complaints;

/// <summary>¶120: a complaint can be made from the final (pre-publication) letter to 10 working days after publication.</summary>
public sealed record ComplaintWindow(DateOnly? Opens, DateOnly? Closes, DateTimeOffset? ClosesAt)
{
    public const int WorkingDaysAfterPublication = 10;

    public static ComplaintWindow Of(InspectionLetter? letter, WorkingDayCalendar calendar)
    {
        if (letter?.FinalIssuedAt is not { } issued) return new(null, null, null);
        var publication = letter.PublicationAt ?? letter.PlannedPublicationAt!.Value;
        var closes = calendar.AddWorkingDays(DateOnly.FromDateTime(LondonTime.ToLondon(publication).DateTime), WorkingDaysAfterPublication);
        return new(DateOnly.FromDateTime(LondonTime.ToLondon(issued).DateTime), closes, LondonTime.At(closes.AddDays(1), TimeOnly.MinValue));
    }

    public void EnsureOpenAt(DateTimeOffset now)
    {
        if (Opens is not null && now < ClosesAt) return;
        throw new DomainRuleException("complaint-window",
            Opens is null
                ? "A complaint can be made from when the partnership receives the final letter of findings; it has not been issued yet (Annex C ¶120)."
                : $"Complaints were accepted from {Opens:yyyy-MM-dd} (the final letter) until the end of {Closes:yyyy-MM-dd} (10 working days after publication) (Annex C ¶120).")
        {
            Facts = new Dictionary<string, object?> { ["windowOpens"] = Opens, ["windowCloses"] = Closes },
        };
    }
}
