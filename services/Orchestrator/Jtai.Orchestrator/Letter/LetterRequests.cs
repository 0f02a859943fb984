using Jtai.Calendar.Frameworks;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Orchestrator.Letter;

public sealed record NextStepsRequest(bool? StatementRequired, string? LeadAgency, List<string?>? CooperatingAgencies);

/// <summary>Each addressee's name (printed in the letter) and e-mail address (where the draft and final letter are delivered).</summary>
public sealed record AddresseesRequest(string? Dcs, string? Icb, string? Police, string? MasaChair, string? IndependentScrutineer,
    string? DcsEmail, string? IcbEmail, string? PoliceEmail, string? MasaChairEmail, string? IndependentScrutineerEmail);

public sealed record SignatoryRequest(string? Inspectorate, string? Name, string? Title);

/// <summary>CriteriaInText: the lead chooses to keep the findings' evaluation criteria codes in the letter's text (left out by default).</summary>
public sealed record DraftLetterRequest(NextStepsRequest? NextSteps, AddresseesRequest? Addressees, List<SignatoryRequest?>? Signatories,
    List<string?>? HeadlineFindings, bool? CriteriaInText = null)
{
    /// <summary>The parts the lead gives, checked (a signatory for each inspectorate taking part), or null with the errors.</summary>
    public LetterParts? Check(IReadOnlyList<string> takingPart, out RequestErrors errors)
    {
        errors = new RequestErrors();
        var nextSteps = LetterValidation.NextSteps(NextSteps, errors);
        var addressees = LetterValidation.Addressees(Addressees, errors);
        var signatories = LetterValidation.Signatories(Signatories, takingPart, errors);
        var headline = LetterValidation.Paragraphs(HeadlineFindings, "headlineFindings", errors);
        return errors.Any ? null : new LetterParts(nextSteps!, addressees!, signatories!, headline, CriteriaInText == true);
    }
}

/// <summary>What the lead gives for the draft; the rest is drafted from the agreed findings.</summary>
public sealed record LetterParts(NextSteps NextSteps, Addressees Addressees, IReadOnlyList<Signatory> Signatories, IReadOnlyList<string>? Headline,
    bool CriteriaInText);

/// <summary>
/// A new version: sections left out stay as they are; BaseVersion guards against overwriting someone else's edit.
/// Reopen must be true to change a version the QA manager checked and every senior manager agreed (¶80–81):
/// the change reopens both.
/// </summary>
public sealed record EditLetterRequest(int? BaseVersion, string? Note, string? Opening, List<string?>? HeadlineFindings,
    List<string?>? AreasForPriorityAction, List<string?>? WhatNeedsToImprove, List<string?>? Strengths, List<string?>? MainFindings,
    NextStepsRequest? NextSteps, AddresseesRequest? Addressees, List<SignatoryRequest?>? Signatories, bool? Reopen = null,
    Dictionary<string, List<string?>?>? FindingsByFocusArea = null)
{
    /// <summary>
    /// The current text with the sections given replaced, or null with the errors. The focus areas are the theme's and the
    /// signatories those of the inspectorates taking part.
    /// </summary>
    public LetterContent? Apply(LetterContent current, IReadOnlyList<FocusArea> focusAreas, IReadOnlyList<string> takingPart, out RequestErrors errors)
    {
        errors = new RequestErrors();
        errors.Required(BaseVersion, "baseVersion");
        errors.MaxLength(Note, LetterVersion.NoteLength, "note");
        errors.MaxLength(Opening, LetterValidation.MaxParagraph, "opening");
        if (Opening is not null) errors.Required(Opening, "opening");
        var headline = LetterValidation.Paragraphs(HeadlineFindings, "headlineFindings", errors, required: true);
        var priority = LetterValidation.Paragraphs(AreasForPriorityAction, "areasForPriorityAction", errors);
        var improve = LetterValidation.Paragraphs(WhatNeedsToImprove, "whatNeedsToImprove", errors);
        var strengths = LetterValidation.Paragraphs(Strengths, "strengths", errors);
        var sections = LetterValidation.FocusAreaSections(FindingsByFocusArea, current.FindingsByFocusArea, focusAreas, errors);
        // Main findings may all sit in focus-area sections; then "Main findings" itself may be empty.
        var main = LetterValidation.Paragraphs(MainFindings, "mainFindings", errors, required: (sections ?? current.FindingsByFocusArea).Count == 0);
        var nextSteps = NextSteps is null ? null : LetterValidation.NextSteps(NextSteps, errors);
        var addressees = Addressees is null ? null : LetterValidation.Addressees(Addressees, errors);
        var signatories = Signatories is null ? null : LetterValidation.Signatories(Signatories, takingPart, errors);
        if (errors.Any) return null;
        return current with
        {
            Opening = Opening?.Trim() ?? current.Opening,
            HeadlineFindings = headline ?? current.HeadlineFindings,
            AreasForPriorityAction = priority ?? current.AreasForPriorityAction,
            WhatNeedsToImprove = improve ?? current.WhatNeedsToImprove,
            Strengths = strengths ?? current.Strengths,
            MainFindings = main ?? current.MainFindings,
            NextSteps = nextSteps ?? current.NextSteps,
            Addressees = addressees ?? current.Addressees,
            Signatories = signatories ?? current.Signatories,
            FindingsByFocusArea = sections ?? current.FindingsByFocusArea,
        };
    }
}
