using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Letter;

/// <summary>
/// The letter of findings of one inspection (¶77–78) and where it is on its way to publication:
/// drafting → draft sent for factual accuracy (¶82) → final, under embargo → published (or withdrawn).
/// Its text lives in numbered versions, every one kept.
/// </summary>
public sealed partial class InspectionLetter
{
    public Guid InspectionId { get; set; }
    public required string Stage { get; set; }
    public int CurrentVersion { get; set; }
    public required string DraftedBy { get; set; }
    public DateTimeOffset DraftedAt { get; set; }

    /// <summary>¶80: the QA manager checked this version's findings against the evidence.</summary>
    public int? QaCheckedVersion { get; set; }
    public string? QaCheckedBy { get; set; }
    public DateTimeOffset? QaCheckedAt { get; set; }

    public int? DraftVersion { get; set; }
    public string? DraftSentBy { get; set; }
    public DateTimeOffset? DraftSentAt { get; set; }
    /// <summary>When the draft reached the DCS (its notice was delivered, ¶82): the draft-letter milestone is met then.</summary>
    public DateTimeOffset? DraftDeliveredAt { get; set; }
    /// <summary>The last day of the DCS's 9 working days for the partnership's comments.</summary>
    public DateOnly? CommentsDueOn { get; set; }

    public int? FinalVersion { get; set; }
    public string? FinalIssuedBy { get; set; }
    public DateTimeOffset? FinalIssuedAt { get; set; }
    /// <summary>When the final letter had reached every addressee (¶83): the final-letter milestone is met then.</summary>
    public DateTimeOffset? FinalDeliveredAt { get; set; }
    /// <summary>The final letter's date: the statement of action is due 70 working days after it (¶86).</summary>
    public DateOnly? LetterDate { get; set; }
    /// <summary>When the embargo is planned to lift (+34 working days, 09:30 London).</summary>
    public DateTimeOffset? PlannedPublicationAt { get; set; }
    /// <summary>When the embargo lifts: null while the departments still have to see the letter (¶110).</summary>
    public DateTimeOffset? PublicationAt { get; set; }

    /// <summary>¶110: priority actions concerning several agencies: the departments see the final letter first.</summary>
    public bool DepartmentsRequired { get; set; }
    public List<string> Departments { get; set; } = [];
    /// <summary>Who sent the final letter to the departments; <see cref="DepartmentsSharedAt"/> is when it had reached them all.</summary>
    public string? DepartmentsSharedBy { get; set; }
    public DateTimeOffset? DepartmentsSharedAt { get; set; }

    /// <summary>¶84: the evaluation questionnaire goes with the final letter; set when its request reached the DCS.</summary>
    public DateTimeOffset? SurveySentAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
    /// <summary>Who decided (Annex C ¶121: Ofsted's National Director, with the other inspectorates).</summary>
    public string? WithdrawalDecidedBy { get; set; }
    public string? WithdrawalReason { get; set; }
    /// <summary>¶121: the other inspectorates the National Director discussed the withdrawal with.</summary>
    public List<string> WithdrawalDiscussedWith { get; set; } = [];
    /// <summary>¶121: decided urgently, without a discussion: the others not discussed with are advised at the earliest opportunity.</summary>
    public bool WithdrawalUrgent { get; set; }
    public List<string> WithdrawalToAdvise { get; set; } = [];
    public List<WithdrawalAdvice> WithdrawalAdvised { get; set; } = [];

    public uint Version { get; set; }

    /// <summary>
    /// What the letter's deliveries record on its row (<see cref="LetterDeliveries"/>: when a notice reached its addressees, ¶82–84,
    /// ¶110). No person's step reads these to decide anything, so a delivery recorded while a person's step was being saved is no
    /// reason to refuse the step (LetterStore saves it again over the delivery); any other change meanwhile is a person's, and wins.
    /// </summary>
    public static readonly IReadOnlySet<string> RecordedByDeliveries = new HashSet<string>
    {
        nameof(DraftDeliveredAt), nameof(FinalDeliveredAt), nameof(SurveySentAt), nameof(DepartmentsSharedAt),
    };

    /// <summary>
    /// ¶121: the National Director decides with the other inspectorates taking part, or, when a decision is urgent and a discussion
    /// is not possible, alone; then the others not discussed with are to be advised.
    /// </summary>
    public void WithdrawAsNationalDirector(IReadOnlyList<string> others, IReadOnlyList<string> discussedWith, bool urgent, string decidedBy, string reason,
        string by, DateTimeOffset now, out bool publicationScheduled)
    {
        var missing = others.Except(discussedWith).ToList();
        if (!urgent && missing.Count > 0)
            throw new DomainRuleException("withdrawal-discussed-with-inspectorates",
                $"The National Director decides a withdrawal in discussion with the other inspectorates (¶121): not discussed with {string.Join(" and ", missing)}. If the decision is urgent and a discussion is not possible, say so (urgent) and advise them after.",
                StatusCodes.Status400BadRequest);
        publicationScheduled = Withdraw(decidedBy, reason, by, now);
        (WithdrawalDiscussedWith, WithdrawalUrgent, WithdrawalToAdvise) = ([.. discussedWith], urgent, missing);
    }

    /// <summary>¶121: an inspectorate not discussed with an urgent withdrawal is advised of it.</summary>
    public void AdviseOfWithdrawal(string inspectorate, string by, DateTimeOffset at)
    {
        if (WithdrawnAt is null) throw new DomainRuleException("letter-not-withdrawn", "The letter has not been withdrawn.");
        if (!WithdrawalToAdvise.Contains(inspectorate))
            throw new DomainRuleException("withdrawal-not-to-advise", $"{inspectorate} was not one of the inspectorates to advise of this withdrawal: {(WithdrawalToAdvise.Count == 0 ? "none were" : string.Join(", ", WithdrawalToAdvise))}.");
        if (WithdrawalAdvised.Any(a => a.Inspectorate == inspectorate)) return;
        WithdrawalAdvised = [.. WithdrawalAdvised, new WithdrawalAdvice { Inspectorate = inspectorate, By = by, At = at }];
    }

    public bool IsPublished(DateTimeOffset now) => PublicationAt is { } at && at <= now && WithdrawnAt is null;

    public bool IsFinal => FinalIssuedAt is not null;

    /// <summary>
    /// Withdraws the final letter (¶121). Returns whether a publication deadline row was scheduled and
    /// must be cancelled; a publication still to come is forgotten, so the embargoed letter is never published.
    /// </summary>
    public bool Withdraw(string decidedBy, string reason, string by, DateTimeOffset now)
    {
        if (!IsFinal) throw new DomainRuleException("final-letter-first", "Only a final letter can be withdrawn.");
        if (WithdrawnAt is not null) throw new DomainRuleException("letter-withdrawn", "The letter has already been withdrawn.");
        WithdrawnAt = now;
        WithdrawnBy = by;
        WithdrawalDecidedBy = decidedBy;
        WithdrawalReason = reason;
        Stage = LetterStages.Withdrawn;
        var scheduled = !IsPublished(now) && PublicationAt is not null;
        if (PublicationAt > now) PublicationAt = null;
        return scheduled;
    }
}

/// <summary>¶121: an inspectorate advised of an urgent withdrawal after the decision.</summary>
public sealed class WithdrawalAdvice
{
    public required string Inspectorate { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}

public static class LetterStages
{
    public const string Drafting = "drafting";
    public const string DraftSent = "factual-accuracy";
    public const string Final = "final-under-embargo";
    public const string Published = "published";
    public const string Withdrawn = "withdrawn";

    /// <summary>The stage as a reader sees it now: the embargo lifts by the clock, not by a request.</summary>
    public static string Of(InspectionLetter letter, DateTimeOffset now) =>
        letter.WithdrawnAt is not null ? Withdrawn : letter.IsPublished(now) ? Published : letter.Stage;
}

/// <summary>One version of the letter's text (JSON of <see cref="LetterContent"/>), never changed once written.</summary>
public sealed class LetterVersion
{
    public Guid InspectionId { get; set; }
    public int Number { get; set; }
    public required string Content { get; set; }
    public required string EditedBy { get; set; }
    public DateTimeOffset EditedAt { get; set; }
    public required string Note { get; set; }

    public const int NoteLength = 1_000;
}

/// <summary>¶81: a senior manager of an inspectorate agreed the findings as a given version presents them.</summary>
public sealed class LetterAgreement
{
    public Guid InspectionId { get; set; }
    public required string Inspectorate { get; set; }
    public int LetterVersion { get; set; }
    public required string AgreedBy { get; set; }
    public DateTimeOffset AgreedAt { get; set; }
}

public sealed class InspectionLetterConfiguration : IEntityTypeConfiguration<InspectionLetter>
{
    public void Configure(EntityTypeBuilder<InspectionLetter> e)
    {
        e.ToTable("letters");
        e.HasKey(l => l.InspectionId);
        e.Property(l => l.InspectionId).ValueGeneratedNever();
        e.Property(l => l.Stage).HasMaxLength(40);
        foreach (var p in new[] { nameof(InspectionLetter.DraftedBy), nameof(InspectionLetter.QaCheckedBy), nameof(InspectionLetter.DraftSentBy),
                     nameof(InspectionLetter.FinalIssuedBy), nameof(InspectionLetter.DepartmentsSharedBy), nameof(InspectionLetter.WithdrawnBy),
                     nameof(InspectionLetter.WithdrawalDecidedBy) })
            e.Property(p).HasMaxLength(InspectionLetter.NameLength);
        e.Property(l => l.WithdrawalReason).HasMaxLength(InspectionLetter.WithdrawalReasonLength);
        e.OwnsMany(l => l.WithdrawalAdvised, a => a.ToJson());
        e.HasIndex(l => l.PublicationAt);
        e.Property(l => l.Version).IsRowVersion();
    }
}

public sealed class LetterVersionConfiguration : IEntityTypeConfiguration<LetterVersion>
{
    public void Configure(EntityTypeBuilder<LetterVersion> e)
    {
        e.ToTable("letter_versions");
        e.HasKey(v => new { v.InspectionId, v.Number });
        e.Property(v => v.Content).HasColumnType("jsonb");
        e.Property(v => v.EditedBy).HasMaxLength(200);
        e.Property(v => v.Note).HasMaxLength(LetterVersion.NoteLength);
    }
}

public sealed class LetterAgreementConfiguration : IEntityTypeConfiguration<LetterAgreement>
{
    public void Configure(EntityTypeBuilder<LetterAgreement> e)
    {
        e.ToTable("letter_agreements");
        e.HasKey(a => new { a.InspectionId, a.Inspectorate, a.LetterVersion });
        e.Property(a => a.Inspectorate).HasMaxLength(20);
        e.Property(a => a.AgreedBy).HasMaxLength(200);
    }
}
