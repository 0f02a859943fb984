using Jtai.Cqc.Data;
using Jtai.Inspectorate.FollowUp;
using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Cqc.FollowUp;

public sealed record ManagerNotificationView(string Manager, string Contact, DateTimeOffset QueuedAt, DateTimeOffset? NotifiedAt);
public sealed record RegulatoryActionView(Guid Id, string Kind, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, string? ClosedBy, string? Outcome);
public sealed record ManagementReviewMeetingView(
    DateOnly On, IReadOnlyList<string> Attendees, IReadOnlyList<string> Responses, IReadOnlyList<string> Enforcement,
    string? Reasons, string? CriminalRoutesNoted, DateTimeOffset? DecidedAt, string? DecidedBy);
public sealed record ManagementReviewView(ManagerNotificationView? ManagerNotification, ManagementReviewMeetingView? Meeting, IReadOnlyList<RegulatoryActionView> Actions);
/// <summary>What the health partner is told: the regulatory response decided and how far each action has gone.</summary>
public sealed record ManagementReviewPartnerView(IReadOnlyList<string> Responses, IReadOnlyList<string> Enforcement, IReadOnlyList<RegulatoryActionView> Actions);

public sealed class ManagementReviewDetails(CqcDbContext db) : IFollowUpDetails
{
    public ILifecycle Lifecycle => ManagementReview.Lifecycle;
    public IReadOnlyList<string> AddressedTo { get; } = [Agencies.Health, Agencies.Masa];

    public async Task<object?> ForStaff(FollowUpCase followUp, CancellationToken ct)
    {
        var n = await db.Set<ManagerNotification>().AsNoTracking().SingleOrDefaultAsync(x => x.FollowUpId == followUp.Id, ct);
        var m = await db.Set<ManagementReviewMeeting>().AsNoTracking().SingleOrDefaultAsync(x => x.FollowUpId == followUp.Id, ct);
        return new ManagementReviewView(
            n is null ? null : new ManagerNotificationView(n.Manager, n.Contact, n.QueuedAt, n.NotifiedAt),
            m is null ? null : new ManagementReviewMeetingView(m.On, m.Attendees, m.Responses, m.Enforcement, m.Reasons, m.CriminalRoutesNoted, m.DecidedAt, m.DecidedBy),
            await Actions(followUp.Id, ct));
    }

    public async Task<object?> ForPartner(FollowUpCase followUp, CancellationToken ct)
    {
        var m = await db.Set<ManagementReviewMeeting>().AsNoTracking().SingleOrDefaultAsync(x => x.FollowUpId == followUp.Id && x.DecidedAt != null, ct);
        return new ManagementReviewPartnerView(m?.Responses ?? [], m?.Enforcement ?? [], await Actions(followUp.Id, ct));
    }

    private Task<List<RegulatoryActionView>> Actions(Guid followUpId, CancellationToken ct) =>
        db.Set<RegulatoryAction>().AsNoTracking().Where(a => a.FollowUpId == followUpId).OrderBy(a => a.OpenedAt).ThenBy(a => a.Kind)
            .Select(a => new RegulatoryActionView(a.Id, a.Kind, a.ClosedAt == null ? "open" : "closed", a.OpenedAt, a.ClosedAt, a.ClosedBy, a.Outcome))
            .ToListAsync(ct);
}
