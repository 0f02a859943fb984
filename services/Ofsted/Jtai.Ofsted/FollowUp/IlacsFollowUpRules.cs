using Jtai.Inspectorate.FollowUp;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Ofsted.FollowUp;

/// <summary>
/// The rules of Ofsted's follow-up (Annex B ¶110–111) on its own record: each step moves the shared
/// follow-up through <see cref="IlacsActionPlan.Lifecycle"/> (409 when not allowed now) and records
/// what Ofsted keeps beside it.
/// </summary>
public sealed partial class IlacsFollowUp
{
    public const int ContactLength = 200;
    public const int NoteLength = 4000;
    public const int DepartmentLength = 200;
    /// <summary>ILACS: the draft action plan within 20 working days of the letter, the final within 70.</summary>
    public const int DraftWorkingDays = 20;
    public const int FinalWorkingDays = 70;

    /// <summary>¶111: recorded when the DfE was told another way than by the notice sent when the follow-up opened.</summary>
    public void RecordDfeInformed(FollowUps followUps, FollowUpCase followUp, string contact, string by, DateTimeOffset now)
    {
        followUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.InformDfe, by, contact);
        DfeInformedAt = now;
        DfeInformedBy = by;
        DfeContact = contact.Trim();
    }

    /// <summary>The action plan is asked for; its deadlines count from the letter's date.</summary>
    public async Task RequestActionPlan(FollowUps followUps, FollowUpCase followUp, DateOnly? letterDate, string by, DateTimeOffset now, CancellationToken ct)
    {
        var letter = letterDate ?? followUp.LetterDate
            ?? throw new DomainRuleException("letter-date-unknown", "The letter's date is not known yet: give 'letterDate' (the action plan's deadlines count from it).");
        followUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.RequestActionPlan, by, $"letter of {letter:yyyy-MM-dd}");
        followUp.LetterDate = letter;
        ActionPlanRequestedAt = now;
        await followUps.SetDeadline(followUp, IlacsActionPlan.DraftDeadline, followUps.AddWorkingDays(letter, DraftWorkingDays), ct);
        await followUps.SetDeadline(followUp, IlacsActionPlan.FinalDeadline, followUps.AddWorkingDays(letter, FinalWorkingDays), ct);
    }

    /// <summary>The draft first, the final once the draft is accepted; a returned plan comes back at the same stage.</summary>
    public async Task<ActionPlanSubmission> Receive(FollowUps followUps, FollowUpCase followUp, string stage, DateOnly receivedOn, string by, CancellationToken ct)
    {
        if (stage != ExpectedStage)
            throw new DomainRuleException("action-plan-stage", $"The {ExpectedStage} action plan is expected now, not the {stage}.");
        if (receivedOn > followUps.Today)
            throw new DomainRuleException("received-in-future", "An action plan cannot be received on a date to come.");
        followUps.Move(followUp, IlacsActionPlan.Lifecycle, IlacsActionPlan.ReceiveActionPlan, by, $"{stage} received {receivedOn:yyyy-MM-dd}");
        await followUps.MeetDeadline(followUp, stage == IlacsActionPlan.Draft ? IlacsActionPlan.DraftDeadline : IlacsActionPlan.FinalDeadline, ct);
        return new ActionPlanSubmission { FollowUpId = followUp.Id, Stage = stage, ReceivedOn = receivedOn };
    }

    /// <summary>Accepting the draft awaits the final; accepting the final starts monitoring.</summary>
    public void Accept(FollowUps followUps, FollowUpCase followUp, string? reason, string by)
    {
        var step = ExpectedStage == IlacsActionPlan.Draft ? IlacsActionPlan.AcceptDraft : IlacsActionPlan.AcceptFinal;
        followUps.Move(followUp, IlacsActionPlan.Lifecycle, step, by, reason);
        ExpectedStage = IlacsActionPlan.Final;
    }

    /// <summary>¶110: how the inspectorates coordinate their follow-up of a priority action for several agencies or the MASA.</summary>
    public void RecordCoordination(FollowUps followUps, FollowUpCase followUp, IReadOnlyList<string> sharedWith, string note, string by, DateTimeOffset now)
    {
        EnsureCoordinated(followUp);
        followUps.Record(followUp, "coordination-recorded", by, note, IlacsActionPlan.Open);
        CoordinationSharedWith = [.. sharedWith];
        CoordinationNote = note.Trim();
        CoordinationRecordedAt = now;
    }

    /// <summary>¶110: the final letter goes to the government departments before it is published.</summary>
    public void RecordLetterShared(FollowUps followUps, FollowUpCase followUp, IReadOnlyList<string> departments, DateOnly sharedOn, string by)
    {
        EnsureCoordinated(followUp);
        if (sharedOn > followUps.Today)
            throw new DomainRuleException("shared-in-future", "Record the sharing once it has happened.");
        if (followUp.PublishedDate is { } published && sharedOn >= published)
            throw new DomainRuleException("letter-shared-before-publication",
                $"The letter is shared with the government departments before it is published ({published:yyyy-MM-dd}).");
        followUps.Record(followUp, "letter-shared-with-departments", by, string.Join(", ", departments), IlacsActionPlan.Open);
        LetterSharedWithDepartments = [.. departments];
        LetterSharedOn = sharedOn;
    }

    /// <summary>¶110: whether to carry out a JTAI of the same scope once the partnership has had time to respond.</summary>
    public void DecideRepeatJtai(FollowUps followUps, FollowUpCase followUp, bool repeat, string reason, string by, DateTimeOffset now)
    {
        EnsureCoordinated(followUp);
        followUps.Record(followUp, "repeat-jtai-decided", by, $"{(repeat ? "repeat" : "no repeat")}: {reason}", IlacsActionPlan.Open);
        RepeatJtai = repeat;
        RepeatJtaiReason = reason.Trim();
        RepeatJtaiDecidedAt = now;
    }

    private static void EnsureCoordinated(FollowUpCase followUp)
    {
        if (!followUp.Coordinated)
            throw new DomainRuleException("not-coordinated", "Only a priority action concerning several agencies or the MASA is coordinated across the inspectorates.");
    }
}

public sealed partial class ActionPlanSubmission
{
    public void Review(string notes, DateTimeOffset now)
    {
        ReviewedAt = now;
        ReviewNotes = notes.Trim();
    }

    public void Accept(string? reason)
    {
        Outcome = "accepted";
        OutcomeReason = reason?.Trim();
    }

    public void Return(string reason)
    {
        Outcome = "returned";
        OutcomeReason = reason.Trim();
    }
}

public sealed partial class MonitoringVisit
{
    public const int FocusLength = 2000;

    /// <summary>Monitoring visits follow the accepted plan (ILACS), on a date to come.</summary>
    public static MonitoringVisit Schedule(FollowUps followUps, FollowUpCase followUp, DateOnly on, string focus, string by)
    {
        if (on < followUps.Today) throw new DomainRuleException("visit-in-future", "A monitoring visit is scheduled for a date to come.");
        followUps.Record(followUp, "monitoring-visit-scheduled", by, $"{on:yyyy-MM-dd}: {focus}",
            IlacsFollowUpState.DraftAccepted, IlacsFollowUpState.Monitoring);
        return new MonitoringVisit { FollowUpId = followUp.Id, On = on, Focus = focus.Trim(), ScheduledBy = by };
    }
}
