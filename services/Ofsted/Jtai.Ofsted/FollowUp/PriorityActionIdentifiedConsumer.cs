using Jtai.Contracts.Events;
using Jtai.Inspectorate.FollowUp;
using Jtai.Ofsted.Data;

namespace Jtai.Ofsted.FollowUp;

/// <summary>A priority action for the local authority (or several agencies, or the MASA) opens Ofsted's ILACS follow-up.</summary>
public sealed class PriorityActionIdentifiedConsumer(OfstedDbContext db, FollowUps followUps, ILogger<PriorityActionIdentifiedConsumer> logger)
    : PriorityActionConsumerBase(db, followUps, logger)
{
    private readonly OfstedDbContext _db = db;

    protected override ILifecycle Lifecycle => IlacsActionPlan.Lifecycle;

    protected override Task Opened(FollowUpCase followUp, PriorityActionIdentified action, CancellationToken ct)
    {
        _db.Set<IlacsFollowUp>().Add(new IlacsFollowUp { FollowUpId = followUp.Id });
        return Task.CompletedTask;
    }
}
