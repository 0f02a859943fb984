using Jtai.Contracts.Events;
using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Inspections;
using Jtai.Messaging;
using Jtai.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jtai.Inspectorate.Team;

/// <summary>Keeps the team of an inspection this inspectorate takes part in; of any other it keeps nobody.</summary>
public sealed class TeamMemberAssignedConsumer(InspectorateDbContext db, ServiceIdentity service, ILogger<TeamMemberAssignedConsumer> logger)
    : InboxConsumer<TeamMemberAssigned>(db, logger)
{
    protected override async Task Handle(TeamMemberAssigned message, ConsumeContext<TeamMemberAssigned> context)
    {
        if (!TakingPart.Includes(message.Inspectorates, service.Name)) return;
        var member = await db.TeamMembers.FindAsync([message.InspectionId, message.UserId], context.CancellationToken);
        if (member is null)
        {
            db.TeamMembers.Add(member = new TeamMember
            {
                InspectionId = message.InspectionId, UserId = message.UserId,
                Name = message.Name, Inspectorate = message.Inspectorate, TeamRole = message.TeamRole,
            });
        }
        // Re-assignment (a role change) overwrites: the latest assignment is the truth.
        member.Name = message.Name;
        member.Inspectorate = message.Inspectorate;
        member.TeamRole = message.TeamRole;
        member.AssignedAt = message.At;
    }
}

public sealed class TeamMemberRemovedConsumer(InspectorateDbContext db, ILogger<TeamMemberRemovedConsumer> logger)
    : InboxConsumer<TeamMemberRemoved>(db, logger)
{
    protected override async Task Handle(TeamMemberRemoved message, ConsumeContext<TeamMemberRemoved> context) =>
        await db.TeamMembers
            .Where(m => m.InspectionId == message.InspectionId && m.UserId == message.UserId && m.AssignedAt <= message.At)
            .ExecuteDeleteAsync(context.CancellationToken);
}
