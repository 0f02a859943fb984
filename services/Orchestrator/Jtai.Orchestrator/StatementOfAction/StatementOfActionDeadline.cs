using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Messaging.Deadlines;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Letter;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.StatementOfAction;

/// <summary>The statement of action's due date and its overdue deadline row, set as the final letter is issued and re-anchored at publication.</summary>
public static class StatementOfActionDeadline
{
    /// <summary>
    /// ¶86: 70 working days. The published letter carries its publication date, and the due date
    /// counts from it (as the inspection's timeline does: one date, one source).
    /// </summary>
    public const int WorkingDays = 70;
    public const string Name = "statement-of-action";

    public static string Key(Guid inspectionId) => $"letter/{inspectionId}/statement-of-action";

    /// <summary>Called as the final letter is issued: the statement is due, and a deadline row flags it overdue.</summary>
    public static async Task Require(OrchestratorDbContext db, IDeadlines deadlines, Guid inspectionId, NextSteps nextSteps, DateOnly dueOn, CancellationToken ct)
    {
        db.Add(new StatementOfActionRecord
        {
            InspectionId = inspectionId, LeadAgency = nextSteps.LeadAgency!, CooperatingAgencies = [.. nextSteps.CooperatingAgencies], DueOn = dueOn,
        });
        await ScheduleOverdue(deadlines, inspectionId, dueOn, ct);
    }

    /// <summary>
    /// Called as the letter is really published: the statement is due 70 working days from that day,
    /// which may be later than planned (the departments first, ¶110).
    /// </summary>
    public static async Task Reanchor(OrchestratorDbContext db, IDeadlines deadlines, WorkingDayCalendar calendar, Guid inspectionId,
        DateOnly publishedOn, CancellationToken ct)
    {
        var statement = await db.Set<StatementOfActionRecord>().SingleOrDefaultAsync(s => s.InspectionId == inspectionId, ct);
        if (statement is null || statement.SubmittedAt is not null) return;
        var dueOn = calendar.AddWorkingDays(publishedOn, WorkingDays);
        if (dueOn == statement.DueOn) return;
        statement.DueOn = dueOn;
        await ScheduleOverdue(deadlines, inspectionId, dueOn, ct);
    }

    private static Task ScheduleOverdue(IDeadlines deadlines, Guid inspectionId, DateOnly dueOn, CancellationToken ct)
    {
        // Overdue from the start of the next day in London: the whole due day counts.
        var at = LondonTime.At(dueOn.AddDays(1), TimeOnly.MinValue).ToUniversalTime();
        return deadlines.Schedule(Key(inspectionId), at, new PostInspectionDeadlineReached(inspectionId, Name, inspectionId, dueOn, at), ct);
    }
}
