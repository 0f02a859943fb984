using Jtai.Contracts.Events;
using Jtai.Cqc.Data;
using Jtai.Inspectorate.FollowUp;
using Microsoft.Extensions.Options;

namespace Jtai.Cqc.FollowUp;

/// <summary>The manager CQC's inspection teams notify (section FollowUp:Manager).</summary>
public sealed class ManagerOptions
{
    public string Name { get; set; } = "";
    /// <summary>How the manager is reached (an address of the inspectorate's own directory).</summary>
    public string Contact { get; set; } = "";
}

/// <summary>
/// A priority action for a health service: the inspection team's manager is notified immediately,
/// with no one having to act, in the same transaction that opens the follow-up (¶112).
/// </summary>
public sealed class PriorityActionIdentifiedConsumer(
    CqcDbContext db, FollowUps followUps, IOptions<ManagerOptions> manager, TimeProvider clock, ILogger<PriorityActionIdentifiedConsumer> logger)
    : PriorityActionConsumerBase(db, followUps, logger)
{
    private readonly CqcDbContext _db = db;
    private readonly FollowUps _followUps = followUps;

    protected override ILifecycle Lifecycle => ManagementReview.Lifecycle;

    protected override Task Opened(FollowUpCase followUp, PriorityActionIdentified action, CancellationToken ct)
    {
        _followUps.Move(followUp, ManagementReview.Lifecycle, ManagementReview.NotifyManager, FollowUps.System,
            $"{manager.Value.Name} ({manager.Value.Contact})");
        _db.Set<ManagerNotification>().Add(new ManagerNotification
        {
            FollowUpId = followUp.Id, Manager = manager.Value.Name, Contact = manager.Value.Contact, NotifiedAt = clock.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}
