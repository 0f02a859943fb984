using Jtai.Calendar.WorkingDays;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Letter;

/// <summary>The final letter's rules: when it may be issued, its publication date, and its sharing with the departments (¶82–84, ¶110).</summary>
public sealed partial class InspectionLetter
{
    public const int NameLength = 200;
    public const int WithdrawalReasonLength = 5_000;
    /// <summary>Published no sooner than 3 working days after the final letter, at 09:30.</summary>
    public const int PublicationWorkingDaysAfterFinal = 3;
    public static readonly TimeOnly PublicationTime = new(9, 30);

    /// <summary>¶82: the draft has been to the DCS for a factual accuracy check, and the final is not yet issued.</summary>
    public void EnsureDraftWasChecked()
    {
        if (IsFinal) throw new DomainRuleException("letter-final", "The final letter has already been issued.");
        if (DraftSentAt is null)
            throw new DomainRuleException("factual-accuracy-first", "The draft goes to the DCS for a factual accuracy check before the final letter (¶82).");
    }

    /// <summary>¶82–83: every comment decided, and the partnership's window closed unless it has already commented.</summary>
    public void EnsureCommentsSettled(int pending, int comments, DateTimeOffset now)
    {
        if (pending > 0)
            throw new DomainRuleException("comments-decided", $"{pending} factual accuracy comment(s) await the lead's decision.");
        var closes = LondonTime.At(CommentsDueOn!.Value.AddDays(1), TimeOnly.MinValue);
        if (now < closes && comments == 0)
            throw new DomainRuleException("factual-accuracy-window",
                $"The partnership has until the end of {CommentsDueOn:yyyy-MM-dd} to comment and has not yet done so.");
    }

    /// <summary>The timeline's planned publication, but never sooner than 3 working days after the letter's date.</summary>
    public static DateTimeOffset PublicationFor(DateTimeOffset planned, DateOnly letterDate, WorkingDayCalendar calendar)
    {
        var earliest = LondonTime.At(calendar.AddWorkingDays(letterDate, PublicationWorkingDaysAfterFinal), PublicationTime).ToUniversalTime();
        return planned > earliest ? planned : earliest;
    }

    /// <summary>
    /// Issues the final letter under embargo as a new version, if the letter is still the version checked
    /// (a change meanwhile is checked again). Returns the version to store.
    /// </summary>
    public LetterVersion IssueFinal(int checkedVersion, string content, string by, DateTimeOffset now, DateOnly letterDate,
        DateTimeOffset publicationAt, bool departmentsRequired)
    {
        if (CurrentVersion != checkedVersion || IsFinal) throw new DomainRuleException("letter-changed", "The letter changed meanwhile: check it again.");
        CurrentVersion++;
        Stage = LetterStages.Final;
        FinalVersion = CurrentVersion;
        FinalIssuedAt = now;
        FinalIssuedBy = by;
        LetterDate = letterDate;
        PlannedPublicationAt = publicationAt;
        DepartmentsRequired = departmentsRequired;
        return new LetterVersion
        {
            InspectionId = InspectionId, Number = CurrentVersion, Content = content, EditedBy = by, EditedAt = now, Note = "Final letter, under embargo",
        };
    }

    /// <summary>¶110: the final letter goes to the departments once, before it is published.</summary>
    public void ShareWithDepartments(IReadOnlyList<string> departments, string by, DateTimeOffset now)
    {
        if (!IsFinal) throw new DomainRuleException("final-letter-first", "Only the final letter is shared with the departments.");
        if (WithdrawnAt is not null) throw new DomainRuleException("letter-withdrawn", "The letter has been withdrawn.");
        if (DepartmentsSharedBy is not null)
            throw new DomainRuleException("departments-shared", "The final letter has already been sent to the departments: see its deliveries (a failed one can be retried).");
        if (IsPublished(now)) throw new DomainRuleException("letter-published", "The letter is already published: the departments see it before publication (¶110).");
        Departments = [.. departments];
        DepartmentsSharedBy = by;
    }
}
