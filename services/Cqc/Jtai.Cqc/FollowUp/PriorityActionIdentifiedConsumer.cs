using Jtai.Contracts.Events;
using Jtai.Cqc.Data;
using Jtai.Inspectorate.FollowUp;
using Jtai.Notices;
using Microsoft.Extensions.Options;

namespace Jtai.Cqc.FollowUp;

/// <summary>The manager CQC's inspection teams notify (section FollowUp:Manager).</summary>
public sealed class ManagerOptions
{
    public string Name { get; set; } = "";
    /// <summary>The manager's e-mail address: the notice goes there.</summary>
    public string Contact { get; set; } = "";
}

/// <summary>
/// A priority action for a health service: a notice to the inspection team's manager is queued
/// immediately, with no one having to act, in the same transaction that opens the follow-up (¶112);
/// the manager counts as notified, and the follow-up moves on, when it is delivered.
/// </summary>
public sealed class PriorityActionIdentifiedConsumer(
    CqcDbContext db, FollowUps followUps, IOptions<ManagerOptions> manager, INotices notices, TimeProvider clock, ILogger<PriorityActionIdentifiedConsumer> logger)
    : PriorityActionConsumerBase(db, followUps, logger)
{
    private readonly CqcDbContext _db = db;

    protected override ILifecycle Lifecycle => ManagementReview.Lifecycle;

    protected override Task Opened(FollowUpCase followUp, PriorityActionIdentified action, CancellationToken ct)
    {
        var delivery = notices.Queue(ManagerNotice.For(followUp, manager.Value));
        _db.Set<ManagerNotification>().Add(new ManagerNotification
        {
            FollowUpId = followUp.Id, Manager = manager.Value.Name, Contact = manager.Value.Contact,
            QueuedAt = clock.GetUtcNow(), DeliveryId = delivery.Id,
        });
        return Task.CompletedTask;
    }
}
