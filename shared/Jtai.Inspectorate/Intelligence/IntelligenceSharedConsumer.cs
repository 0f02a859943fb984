using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Messaging;
using Jtai.Messaging.Inbox;
using Jtai.ServiceDefaults.Security;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Jtai.Inspectorate.Intelligence;

/// <summary>
/// Keeps what another inspectorate shared (¶8). Its own records come back on the bus too (every
/// inspectorate subscribes): they are already held, so they are acknowledged without effect.
/// </summary>
public sealed class IntelligenceSharedConsumer(InspectorateDbContext db, ServiceIdentity service, TimeProvider clock,
    ILogger<IntelligenceSharedConsumer> logger) : InboxConsumer<IntelligenceShared>(db, logger)
{
    protected override async Task Handle(IntelligenceShared message, ConsumeContext<IntelligenceShared> context)
    {
        // A message that cannot say what, where or from whom is poison: fail it so it ends in the error queue.
        if (message.IntelligenceId == Guid.Empty || !Inspectorates.All.Contains(message.Inspectorate)
            || !IntelligenceValidation.IsAreaCode(message.LocalAreaCode) || !IntelligenceKinds.All.Contains(message.Kind)
            || string.IsNullOrWhiteSpace(message.What))
            throw new InvalidOperationException($"IntelligenceShared {context.MessageId} lacks an id, a known inspectorate, an area code, a kind or what was seen.");
        if (message.Inspectorate == service.Name) return;
        if (await db.Set<AreaIntelligence>().FindAsync([message.IntelligenceId], context.CancellationToken) is not null) return;
        db.Add(AreaIntelligence.Received(message, clock.GetUtcNow()));
    }
}
