using Jtai.Orchestrator.Inspections;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Letter;

/// <summary>
/// The letter's text over its life: drafted once from the agreed findings after fieldwork (¶77), then
/// edited by the lead into new versions, every one kept, until the final letter is issued.
/// </summary>
public sealed partial class InspectionLetter
{
    /// <summary>The letter, drafted from the agreed findings in the inspection's drafting stage, once.</summary>
    public static InspectionLetter Draft(Inspection inspection, bool findingsAgreed, bool alreadyDrafted, string by, DateTimeOffset at)
    {
        if (!findingsAgreed)
            throw new DomainRuleException("findings-agreed-first", "The letter is drafted from the agreed findings: agree the findings register first.");
        if (inspection.Status != Lifecycle.Stages.Drafting)
            throw new DomainRuleException("lifecycle-stage", $"The letter is drafted after fieldwork, in the '{Lifecycle.Stages.Drafting}' stage; the inspection is '{inspection.Status}'.");
        if (alreadyDrafted)
            throw new DomainRuleException("letter-drafted", "The letter is already drafted: edit it (PUT) to make a new version.");
        return new InspectionLetter { InspectionId = inspection.Id, Stage = LetterStages.Drafting, CurrentVersion = 1, DraftedBy = by, DraftedAt = at };
    }

    /// <summary>Version 1: the text drafted from the findings.</summary>
    public LetterVersion FirstVersion(LetterContent content) => new()
    {
        InspectionId = InspectionId, Number = 1, Content = content.ToJson(), EditedBy = DraftedBy, EditedAt = DraftedAt, Note = "Drafted from the agreed findings",
    };

    /// <summary>
    /// The next version, edited from <paramref name="baseVersion"/> (which must still be the current one). ¶80–81: a version
    /// checked and agreed (<paramref name="agreed"/>) is frozen; changing it is a deliberate act (<paramref name="reopen"/>) that reopens both.
    /// </summary>
    public LetterVersion Edit(LetterContent edited, int? baseVersion, bool reopen, bool agreed, string? note, string by, DateTimeOffset at)
    {
        if (IsFinal)
            throw new DomainRuleException("letter-final", "The final letter has been issued: its text no longer changes.");
        if (baseVersion != CurrentVersion)
            throw new DomainRuleException("letter-version", $"The letter is at version {CurrentVersion}, not {baseVersion}: read it again before editing.");
        if (!reopen && agreed)
            throw new DomainRuleException("letter-agreed",
                $"Version {CurrentVersion} is quality assured and agreed by all three inspectorates: a change reopens quality assurance and agreement (send \"reopen\": true to make it).");
        CurrentVersion++;
        return new LetterVersion
        {
            InspectionId = InspectionId, Number = CurrentVersion, Content = edited.ToJson(), EditedBy = by, EditedAt = at,
            Note = (string.IsNullOrWhiteSpace(note) ? "Edited" : note.Trim()) + (reopen ? " (reopens quality assurance and agreement)" : ""),
        };
    }
}
