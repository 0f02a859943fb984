using Jtai.Calendar.WorkingDays;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Letter;

/// <summary>
/// The draft's factual accuracy check (¶82–83): it goes to the DCS once, as the version checked and agreed; the
/// partnership comments within 9 working days, and the lead decides each comment before the final letter.
/// </summary>
public sealed partial class InspectionLetter
{
    public const int CommentWorkingDays = 9;

    /// <summary>The draft goes to the DCS once.</summary>
    public void EnsureDraftNotSent()
    {
        if (DraftSentAt is not null) throw new DomainRuleException("draft-sent", "The draft has already gone to the DCS.");
    }

    /// <summary>Sends <paramref name="version"/>, the version checked and agreed, unless the letter changed meanwhile.</summary>
    public void SendDraft(int version, string by, DateTimeOffset now, DateOnly commentsDueOn)
    {
        if (CurrentVersion != version) throw new DomainRuleException("letter-changed", "The letter changed meanwhile: check it again.");
        Stage = LetterStages.DraftSent;
        DraftVersion = CurrentVersion;
        DraftSentAt = now;
        DraftSentBy = by;
        CommentsDueOn = commentsDueOn;
    }

    /// <summary>The partnership comments until the end of the last of its 9 working days, and never once the final letter is issued.</summary>
    public void EnsureOpenForComments(DateTimeOffset now)
    {
        var closes = LondonTime.At(CommentsDueOn!.Value.AddDays(1), TimeOnly.MinValue);
        if (now >= closes || IsFinal)
            throw new DomainRuleException("factual-accuracy-window",
                $"The partnership's comments were due by the end of {CommentsDueOn:yyyy-MM-dd} ({CommentWorkingDays} working days after the draft was sent).");
    }

    /// <summary>The lead decides the comments before the final letter.</summary>
    public void EnsureCommentsOpenToDecide()
    {
        if (IsFinal) throw new DomainRuleException("letter-final", "The final letter has been issued: the comments were settled before it.");
    }
}
