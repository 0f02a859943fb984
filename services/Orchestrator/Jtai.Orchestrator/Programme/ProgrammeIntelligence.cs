using Jtai.Contracts.Events;
using Jtai.Messaging.Inbox;
using Jtai.Orchestrator.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Programme;

/// <summary>
/// What the inspectorates shared about an area, kept for the JTAI programme: concerns and exceptional
/// practice "inform individual programmes of work and/or the JTAI programme" (programme note ¶8).
/// </summary>
public sealed class ProgrammeIntelligence
{
    public Guid Id { get; set; }
    public required string SharedBy { get; set; }
    public required string LocalAreaCode { get; set; }
    public required string LocalAreaName { get; set; }
    public required string Kind { get; set; }
    public required string Programme { get; set; }
    public required string What { get; set; }
    public DateOnly ObservedOn { get; set; }
    public List<string> Agencies { get; set; } = [];
    public DateTimeOffset SharedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

public sealed class ProgrammeIntelligenceConfiguration : IEntityTypeConfiguration<ProgrammeIntelligence>
{
    public void Configure(EntityTypeBuilder<ProgrammeIntelligence> e)
    {
        e.ToTable("programme_intelligence");
        e.HasKey(i => i.Id);
        e.Property(i => i.Id).ValueGeneratedNever();
        e.Property(i => i.SharedBy).HasMaxLength(20);
        e.Property(i => i.LocalAreaCode).HasMaxLength(20);
        e.Property(i => i.LocalAreaName).HasMaxLength(200);
        e.Property(i => i.Kind).HasMaxLength(40);
        e.Property(i => i.Programme).HasMaxLength(60);
        e.Property(i => i.What).HasMaxLength(4_000);
        e.HasIndex(i => new { i.LocalAreaCode, i.ObservedOn });
    }
}

/// <summary>Keeps every inspectorate's shared intelligence for the programme's ranking (inbox: once each).</summary>
public sealed class ProgrammeIntelligenceConsumer(OrchestratorDbContext db, TimeProvider clock, ILogger<ProgrammeIntelligenceConsumer> logger)
    : InboxConsumer<IntelligenceShared>(db, logger)
{
    protected override async Task Handle(IntelligenceShared message, ConsumeContext<IntelligenceShared> context)
    {
        if (message.IntelligenceId == Guid.Empty || string.IsNullOrWhiteSpace(message.LocalAreaCode) || string.IsNullOrWhiteSpace(message.Kind))
            throw new InvalidOperationException($"IntelligenceShared {context.MessageId} lacks an id, an area or a kind.");
        if (await db.Set<ProgrammeIntelligence>().FindAsync([message.IntelligenceId], context.CancellationToken) is not null) return;
        db.Add(new ProgrammeIntelligence
        {
            Id = message.IntelligenceId, SharedBy = message.Inspectorate, LocalAreaCode = message.LocalAreaCode,
            LocalAreaName = message.LocalAreaName, Kind = message.Kind, Programme = message.Programme, What = message.What,
            ObservedOn = message.ObservedOn, Agencies = [.. message.Agencies], SharedAt = message.SharedAt, ReceivedAt = clock.GetUtcNow(),
        });
    }
}
