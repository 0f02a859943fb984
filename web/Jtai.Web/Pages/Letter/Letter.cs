namespace Jtai.Web.Pages.Letter;

// The orchestrator's letter of findings (¶77–87) as the pages read it.

public sealed record NextStepsView(bool StatementRequired, string? LeadAgency, List<string> CooperatingAgencies, DateOnly? DueOn);

/// <summary>The addressees' names, and the e-mail addresses their notices go to (none in versions written before addresses were kept).</summary>
public sealed record AddresseesView(string Dcs, string Icb, string Police, string MasaChair, string IndependentScrutineer,
    string? DcsEmail = null, string? IcbEmail = null, string? PoliceEmail = null, string? MasaChairEmail = null, string? IndependentScrutineerEmail = null);

public sealed record SignatoryView(string Inspectorate, string Name, string Title);

public sealed record LetterContentView(string Opening, List<string> HeadlineFindings, List<string> AreasForPriorityAction,
    List<string> WhatNeedsToImprove, List<string> Strengths, List<string> MainFindings, NextStepsView NextSteps,
    AddresseesView Addressees, List<SignatoryView> Signatories);

/// <summary>One paragraph with its stable key ("headline-2", "main-3"): comments refer to these keys (¶82).</summary>
public sealed record LetterParagraphView(string Key, string? Heading, string Text);

/// <summary>The draft or the final letter as its addressees read it.</summary>
public sealed record IssuedLetterView(Guid InspectionId, string LocalAreaName, string Stage, int Version, DateOnly? LetterDate,
    DateTimeOffset? PublicationAt, LetterContentView Content, List<LetterParagraphView> Paragraphs, DateOnly? CommentsDueOn);

public sealed record LetterAgreementView(string Inspectorate, int LetterVersion, string AgreedBy, DateTimeOffset AgreedAt);

public sealed record LetterMilestonesView(DateOnly DraftLetter, DateOnly FactualAccuracyComments, DateOnly FinalLetter, DateOnly Publication);

/// <summary>The team's view: the letter's stage, every gate on its way out and the current text.</summary>
public sealed record LetterView(
    Guid InspectionId, string Stage, int CurrentVersion, string DraftedBy, DateTimeOffset DraftedAt,
    int? QaCheckedVersion, string? QaCheckedBy, DateTimeOffset? QaCheckedAt, List<LetterAgreementView> Agreements,
    int? DraftVersion, DateTimeOffset? DraftSentAt, DateOnly? CommentsDueOn,
    int? FinalVersion, DateTimeOffset? FinalIssuedAt, DateOnly? LetterDate, DateTimeOffset? PlannedPublicationAt, DateTimeOffset? PublicationAt,
    bool DepartmentsRequired, List<string> Departments, DateTimeOffset? DepartmentsSharedAt, DateTimeOffset? SurveySentAt,
    DateTimeOffset? WithdrawnAt, string? WithdrawnBy, string? WithdrawalDecidedBy, string? WithdrawalReason,
    LetterMilestonesView Milestones, LetterContentView Content, List<LetterParagraphView> Paragraphs,
    DateTimeOffset? DraftDeliveredAt, DateTimeOffset? FinalDeliveredAt, List<LetterDeliveryView> Deliveries, bool Agreed);

/// <summary>One notice of the letter (draft, final letter, questionnaire, departments) and its delivery.</summary>
public sealed record LetterDeliveryView(Guid Id, string Notice, string RecipientRole, string? RecipientName, string RecipientAddress, string State,
    int Attempts, DateTimeOffset QueuedAt, DateTimeOffset? SentAt, string? LastError);

public sealed record LetterVersionSummary(int Number, string EditedBy, DateTimeOffset EditedAt, string Note);

public sealed record LetterVersionView(int Number, string EditedBy, DateTimeOffset EditedAt, string Note, LetterContentView Content, List<LetterParagraphView> Paragraphs);

/// <summary>The partnership's comment on one paragraph of the draft (¶82) and the lead's decision.</summary>
public sealed record CommentView(Guid Id, string Paragraph, string Comment, string? ProposedText, string SubmittedBy, string Agency,
    DateTimeOffset SubmittedAt, string? Decision, string? Reason, string? DecidedBy, DateTimeOffset? DecidedAt);

public static class LetterPaths
{
    public static string Letter(Guid id) => $"/api/orchestrator/inspections/{id}/letter";
    public static string Versions(Guid id) => $"{Letter(id)}/versions";
    public static string Version(Guid id, int number) => $"{Letter(id)}/versions/{number}";
    public static string QualityAssurance(Guid id) => $"{Letter(id)}/quality-assurance";
    public static string Agreements(Guid id) => $"{Letter(id)}/agreements";
    public static string SendDraft(Guid id) => $"{Letter(id)}/draft/send";
    public static string Draft(Guid id) => $"{Letter(id)}/draft";
    public static string Comments(Guid id) => $"{Letter(id)}/factual-accuracy/comments";
    public static string Decision(Guid id, Guid commentId) => $"{Comments(id)}/{commentId}/decision";
    public static string Final(Guid id) => $"{Letter(id)}/final";
    public static string Departments(Guid id) => $"{Letter(id)}/departments";
    public static string Withdrawal(Guid id) => $"{Letter(id)}/withdrawal";
}

/// <summary>The letter's stages and paragraph keys in words.</summary>
public static class LetterWords
{
    public static (string Text, string Colour) Stage(string stage) => stage switch
    {
        "drafting" => ("Drafting", "govuk-tag--blue"),
        "draft-sent" => ("Draft with the partnership", "govuk-tag--yellow"),
        "final" => ("Final, under embargo", "govuk-tag--orange"),
        "published" => ("Published", "govuk-tag--green"),
        "withdrawn" => ("Withdrawn", "govuk-tag--red"),
        _ => (Display.Words(stage), "govuk-tag--grey"),
    };

    /// <summary>"main-3" → "Main findings, paragraph 3": how a person names a paragraph.</summary>
    public static string Paragraph(string key, IEnumerable<LetterParagraphView> paragraphs)
    {
        var paragraph = paragraphs.FirstOrDefault(p => p.Key == key);
        var dash = key.LastIndexOf('-');
        var number = dash > 0 && int.TryParse(key[(dash + 1)..], out var n) ? $", paragraph {n}" : "";
        return paragraph?.Heading is { } heading ? $"{heading.TrimEnd('?')}{number}" : key == "opening" ? "Opening" : Display.Words(key);
    }
}

/// <summary>
/// The shared part of the draft and edit forms: which form it posts in (<c>Draft</c>, <c>Edit</c>), its values, the inspectorates
/// taking part (one signatory each, in the framework's order) and its errors.
/// </summary>
public sealed record LetterPartsFields(string Prefix, IndexModel.LetterPartsForm Form, IReadOnlyList<string> Signatories, Func<string, string?> ErrorFor)
{
    public static readonly IReadOnlyList<Jtai.Web.Pages.Forms.Choice> Agencies =
    [
        new("local-authority", "Local authority"), new("health", "Health"), new("police", "Police"), new("education", "Education"), new("masa", "MASA"),
    ];
}
