using Jtai.Contracts.Events;
using Jtai.Hmicfrs.Data;
using Jtai.Inspectorate.FollowUp;

namespace Jtai.Hmicfrs.FollowUp;

/// <summary>A priority action concerning the police opens force monitoring, awaiting its cause of concern (¶114).</summary>
public sealed class PriorityActionIdentifiedConsumer(HmicfrsDbContext db, FollowUps followUps, ILogger<PriorityActionIdentifiedConsumer> logger)
    : PriorityActionConsumerBase(db, followUps, logger)
{
    private readonly HmicfrsDbContext _db = db;

    protected override ILifecycle Lifecycle => ForceMonitoring.Lifecycle;

    protected override Task Opened(FollowUpCase followUp, PriorityActionIdentified action, CancellationToken ct)
    {
        _db.Set<CauseOfConcern>().Add(new CauseOfConcern { FollowUpId = followUp.Id, ReportPublishedOn = action.PublishedDate });
        return Task.CompletedTask;
    }
}
