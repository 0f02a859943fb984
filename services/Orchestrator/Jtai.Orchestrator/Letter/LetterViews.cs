using Jtai.Orchestrator.QualityAssurance;
using Jtai.Calendar.Timeline;
using Jtai.Orchestrator.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Letter;

public sealed record LetterAgreementView(string Inspectorate, int LetterVersion, string AgreedBy, DateTimeOffset AgreedAt);

public sealed record LetterMilestonesView(DateOnly DraftLetter, DateOnly FactualAccuracyComments, DateOnly FinalLetter, DateOnly Publication);

/// <summary>The team's view of the letter: its stage, every gate on the way and the current text.</summary>
public sealed record LetterView(
    Guid InspectionId, string Stage, int CurrentVersion, string DraftedBy, DateTimeOffset DraftedAt,
    int? QaCheckedVersion, string? QaCheckedBy, DateTimeOffset? QaCheckedAt, IReadOnlyList<LetterAgreementView> Agreements,
    int? DraftVersion, DateTimeOffset? DraftSentAt, DateOnly? CommentsDueOn,
    int? FinalVersion, DateTimeOffset? FinalIssuedAt, DateOnly? LetterDate, DateTimeOffset? PlannedPublicationAt, DateTimeOffset? PublicationAt,
    bool DepartmentsRequired, IReadOnlyList<string> Departments, DateTimeOffset? DepartmentsSharedAt, DateTimeOffset? SurveySentAt,
    DateTimeOffset? WithdrawnAt, string? WithdrawnBy, string? WithdrawalDecidedBy, string? WithdrawalReason,
    LetterMilestonesView Milestones, LetterContent Content, IReadOnlyList<LetterParagraph> Paragraphs,
    DateTimeOffset? DraftDeliveredAt, DateTimeOffset? FinalDeliveredAt, IReadOnlyList<LetterDeliveryView> Deliveries, bool Agreed,
    IReadOnlyList<string> WithdrawalDiscussedWith, bool WithdrawalUrgent, IReadOnlyList<WithdrawalAdviceView> WithdrawalAdvised, IReadOnlyList<string> WithdrawalToAdvise)
{
    /// <summary><paramref name="agreed"/>: the current version is QA checked and agreed by all three, so frozen (¶80–81).</summary>
    public static LetterView From(InspectionLetter l, DateTimeOffset now, IEnumerable<LetterAgreement> agreements, LetterMilestonesView milestones,
        LetterContent content, IReadOnlyList<LetterDeliveryView> deliveries, bool agreed) =>
        new(l.InspectionId, LetterStages.Of(l, now), l.CurrentVersion, l.DraftedBy, l.DraftedAt, l.QaCheckedVersion, l.QaCheckedBy, l.QaCheckedAt,
            agreements.OrderBy(a => a.AgreedAt).Select(a => new LetterAgreementView(a.Inspectorate, a.LetterVersion, a.AgreedBy, a.AgreedAt)).ToList(),
            l.DraftVersion, l.DraftSentAt, l.CommentsDueOn, l.FinalVersion, l.FinalIssuedAt, l.LetterDate, l.PlannedPublicationAt, l.PublicationAt,
            l.DepartmentsRequired, l.Departments, l.DepartmentsSharedAt, l.SurveySentAt, l.WithdrawnAt, l.WithdrawnBy, l.WithdrawalDecidedBy,
            l.WithdrawalReason, milestones, content, content.Paragraphs(), l.DraftDeliveredAt, l.FinalDeliveredAt, deliveries, agreed,
            l.WithdrawalDiscussedWith, l.WithdrawalUrgent, l.WithdrawalAdvised.Select(a => new WithdrawalAdviceView(a.Inspectorate, a.By, a.At)).ToList(),
            l.WithdrawalToAdvise.Where(i => l.WithdrawalAdvised.All(a => a.Inspectorate != i)).ToList());

    /// <summary>The view of the letter as it stands: its milestones, every inspectorate's agreement and its notices' deliveries.</summary>
    public static async Task<LetterView> Read(OrchestratorDbContext db, LetterDrafting drafting, InspectionLetter letter, DateTimeOffset now, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().SingleAsync(i => i.Id == letter.InspectionId, ct);
        var timeline = drafting.Timeline(inspection);
        var milestones = new LetterMilestonesView(timeline[MilestoneKeys.DraftLetter].Date, timeline[MilestoneKeys.FactualAccuracyComments].Date,
            timeline[MilestoneKeys.FinalLetter].Date, timeline[MilestoneKeys.Publication].Date);
        var agreements = await db.Set<LetterAgreement>().AsNoTracking().Where(a => a.InspectionId == letter.InspectionId).ToListAsync(ct);
        var prefix = LetterNotices.RegardingPrefix(letter.InspectionId);
        var deliveries = await db.Set<Jtai.Notices.Delivery.NoticeDelivery>().AsNoTracking()
            .Where(d => d.InspectionId == letter.InspectionId && d.Regarding.StartsWith(prefix)).OrderBy(d => d.QueuedAt).ThenBy(d => d.Regarding).ToListAsync(ct);
        return From(letter, now, agreements, milestones, await db.Content(letter.InspectionId, letter.CurrentVersion, ct),
            deliveries.Select(LetterDeliveryView.From).ToList(), LetterQualityGate.IsAgreed(letter, agreements, drafting.TakingPart(inspection)));
    }
}

/// <summary>One notice of the letter's way out (draft, final letter, questionnaire, departments) and where its delivery stands.</summary>
public sealed record LetterDeliveryView(Guid Id, string Notice, string RecipientRole, string? RecipientName, string RecipientAddress, string State,
    int Attempts, DateTimeOffset QueuedAt, DateTimeOffset? SentAt, string? LastError)
{
    public static LetterDeliveryView From(Jtai.Notices.Delivery.NoticeDelivery d) =>
        new(d.Id, d.Notice, d.RecipientRole, d.RecipientName, d.RecipientAddress, d.State, d.Attempts, d.QueuedAt, d.SentAt, d.LastError);
}

public sealed record LetterVersionSummary(int Number, string EditedBy, DateTimeOffset EditedAt, string Note);

public sealed record LetterVersionView(int Number, string EditedBy, DateTimeOffset EditedAt, string Note, LetterContent Content, IReadOnlyList<LetterParagraph> Paragraphs);

/// <summary>
/// What an addressee reads: one fixed version of the letter (the draft or the final one), and for
/// the draft the last day for the partnership's comments (¶83), which the DCS works to.
/// </summary>
public sealed record IssuedLetterView(Guid InspectionId, string LocalAreaName, string Stage, int Version, DateOnly? LetterDate,
    DateTimeOffset? PublicationAt, LetterContent Content, IReadOnlyList<LetterParagraph> Paragraphs, DateOnly? CommentsDueOn = null);

/// <summary>¶121: an inspectorate advised of an urgent withdrawal, by whom and when.</summary>
public sealed record WithdrawalAdviceView(string Inspectorate, string By, DateTimeOffset At);
