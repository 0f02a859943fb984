using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Messaging;
using Jtai.Messaging.Deadlines;
using Jtai.Messaging.Outbox;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jtai.Inspectorate.FollowUp;

/// <summary>
/// The follow-up mechanics every inspectorate shares: open, take a guarded step, record something
/// without a change of state, set and meet deadlines. Each call stages its history row and its
/// event (outbox) on the caller's DbContext, so a step, its history and its message commit together.
/// </summary>
public sealed class FollowUps(
    InspectorateDbContext db, IOutbox outbox, IDeadlines deadlines, WorkingDayCalendar workingDays,
    IOptions<FollowUpOptions> options, TimeProvider clock, ServiceIdentity service)
{
    public const string System = "system";

    public string Inspectorate => service.Name;

    public IQueryable<FollowUpCase> Cases => db.Set<FollowUpCase>();

    /// <summary>This inspectorate's follow-up, tracked for a change; null when absent.</summary>
    public Task<FollowUpCase?> Find(Guid id, CancellationToken ct) =>
        db.Set<FollowUpCase>().SingleOrDefaultAsync(f => f.Id == id && f.Inspectorate == service.Name, ct);

    public FollowUpCase Open(PriorityActionIdentified action, ILifecycle lifecycle)
    {
        var now = clock.GetUtcNow();
        var followUp = new FollowUpCase
        {
            Id = Guid.NewGuid(),
            InspectionId = action.InspectionId,
            PriorityActionId = action.PriorityActionId,
            Inspectorate = service.Name,
            Process = lifecycle.Process,
            State = lifecycle.InitialState,
            LocalAreaCode = action.LocalAreaCode,
            LocalAreaName = action.LocalAreaName,
            Agencies = [.. action.Agencies.Distinct()],
            Coordinated = PriorityActionRouting.IsCoordinatedFollowUp(action),
            Text = action.Text,
            LetterDate = action.LetterDate,
            PublishedDate = action.PublishedDate,
            OpenedAt = now,
            UpdatedAt = now,
        };
        db.Set<FollowUpCase>().Add(followUp);
        db.Set<FollowUpStep>().Add(new FollowUpStep
        {
            FollowUpId = followUp.Id, Step = "opened", From = "", To = followUp.State, By = System, At = now,
        });
        outbox.Publish(new FollowUpOpened(followUp.InspectionId, followUp.Id, followUp.PriorityActionId, service.Name,
            followUp.Process, followUp.State, followUp.Coordinated, now));
        return followUp;
    }

    /// <summary>Takes a step of the lifecycle: the guard (409 if not allowed now), the new state, its history and event.</summary>
    public TState Move<TState>(FollowUpCase followUp, Lifecycle<TState> lifecycle, string step, string by, string? note = null)
        where TState : struct, Enum
    {
        var from = followUp.State;
        var to = Lifecycle<TState>.Name(lifecycle.Next(Lifecycle<TState>.Parse(from), step));
        Stage(followUp, step, from, to, by, note);
        return Lifecycle<TState>.Parse(to);
    }

    /// <summary>Records something that does not change the state (a visit scheduled), allowed only in the given states.</summary>
    public void Record<TState>(FollowUpCase followUp, string step, string by, string? note, params TState[] allowedIn)
        where TState : struct, Enum
    {
        if (!allowedIn.Select(Lifecycle<TState>.Name).Contains(followUp.State))
            throw new DomainRuleException("follow-up-transition",
                $"'{step}' is not allowed while the follow-up is {followUp.State}; it is allowed while: {string.Join(", ", allowedIn.Select(Lifecycle<TState>.Name))}.");
        Stage(followUp, step, followUp.State, followUp.State, by, note);
    }

    public static TState StateOf<TState>(FollowUpCase followUp) where TState : struct, Enum => Lifecycle<TState>.Parse(followUp.State);

    /// <summary>Sets (or moves) a deadline: its reminder and overdue points become deadline rows.</summary>
    public async Task SetDeadline(FollowUpCase followUp, string name, DateOnly dueOn, CancellationToken ct)
    {
        var deadline = await db.Set<FollowUpDeadline>().FindAsync([followUp.Id, name], ct);
        if (deadline is null) db.Set<FollowUpDeadline>().Add(deadline = new FollowUpDeadline { FollowUpId = followUp.Id, Name = name });
        deadline.DueOn = dueOn;
        deadline.SetAt = clock.GetUtcNow();
        deadline.MetAt = deadline.RemindedAt = deadline.OverdueAt = null;

        // Overdue once the due day has ended in England; the reminder at the start of a working day some days before.
        var overdueAt = LondonTime.At(dueOn.AddDays(1), TimeOnly.MinValue);
        var remindAt = LondonTime.At(workingDays.AddWorkingDays(dueOn, -options.Value.ReminderWorkingDays), TimeOnly.MinValue);
        await deadlines.Schedule(Key(followUp, name, Reminder), remindAt, Reached(followUp, name, Reminder, dueOn, overdueAt), ct);
        await deadlines.Schedule(Key(followUp, name, Overdue), overdueAt, Reached(followUp, name, Overdue, dueOn, overdueAt), ct);
    }

    /// <summary>The deadline was met: its pending reminder and overdue rows are cancelled.</summary>
    public async Task MeetDeadline(FollowUpCase followUp, string name, CancellationToken ct)
    {
        var deadline = await db.Set<FollowUpDeadline>().FindAsync([followUp.Id, name], ct);
        if (deadline is null || deadline.MetAt is not null) return;
        var now = clock.GetUtcNow();
        deadline.MetAt = now;
        await deadlines.Cancel([Key(followUp, name, Reminder), Key(followUp, name, Overdue)], now, ct);
    }

    public DateOnly AddWorkingDays(DateOnly from, int days) => workingDays.AddWorkingDays(from, days);

    public DateOnly Today => LondonTime.Today(clock);

    /// <summary>Saves; a concurrent change of the same follow-up (xmin) is a 409 the caller may retry.</summary>
    public async Task Save(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("follow-up-changed", "The follow-up was changed by someone else meanwhile; read it again and retry.");
        }
    }

    public const string Reminder = "reminder";
    public const string Overdue = "overdue";

    private static string Key(FollowUpCase followUp, string name, string kind) => $"follow-up/{followUp.Id}/{name}/{kind}";

    private FollowUpDeadlineReached Reached(FollowUpCase followUp, string name, string kind, DateOnly dueOn, DateTimeOffset dueAt) =>
        new(followUp.InspectionId, followUp.Id, service.Name, name, kind, dueOn, dueAt);

    private void Stage(FollowUpCase followUp, string step, string from, string to, string by, string? note)
    {
        var now = clock.GetUtcNow();
        followUp.State = to;
        followUp.UpdatedAt = now;
        followUp.Steps++;
        db.Set<FollowUpStep>().Add(new FollowUpStep { FollowUpId = followUp.Id, Step = step, From = from, To = to, Note = note, By = by, At = now });
        outbox.Publish(new FollowUpAdvanced(followUp.InspectionId, followUp.Id, service.Name, followUp.Process, followUp.Steps, step, from, to, by, now));
    }
}
