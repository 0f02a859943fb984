using Jtai.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Notices;

/// <summary>
/// Every notice any service sent for an inspection, as last heard (NoticeDeliveryChanged): one
/// place where staff and operations see what reached whom, and what failed.
/// </summary>
public sealed class NoticeSummary
{
    public Guid DeliveryId { get; set; }
    public Guid InspectionId { get; set; }
    public required string Service { get; set; }
    public required string Notice { get; set; }
    public required string Regarding { get; set; }
    public required string RecipientRole { get; set; }
    public required string RecipientAddress { get; set; }
    public required string State { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public uint Version { get; set; }

    /// <summary>Events of one delivery may cross on the bus: a later attempt, or a final state of the same attempt, wins.</summary>
    public void Apply(NoticeDeliveryChanged e)
    {
        if (e.State == "queued") QueuedAt = e.At;
        if (State != "" && (e.Attempts, Rank(e.State)).CompareTo((Attempts, Rank(State))) <= 0) return;
        State = e.State;
        Attempts = e.Attempts;
        Error = e.Error;
        UpdatedAt = e.At;
        if (e.State == "sent") SentAt = e.At;
    }

    private static int Rank(string state) => state switch { "queued" => 0, "retried" => 1, _ => 2 };
}

public sealed record NoticeSummaryView(
    Guid DeliveryId, Guid InspectionId, string Service, string Notice, string Regarding, string RecipientRole, string RecipientAddress,
    string State, int Attempts, string? Error, DateTimeOffset QueuedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SentAt)
{
    public static NoticeSummaryView From(NoticeSummary s) => new(s.DeliveryId, s.InspectionId, s.Service, s.Notice, s.Regarding,
        s.RecipientRole, s.RecipientAddress, s.State, s.Attempts, s.Error, s.QueuedAt, s.UpdatedAt, s.SentAt);
}

internal sealed class NoticeSummaryConfiguration : IEntityTypeConfiguration<NoticeSummary>
{
    public void Configure(EntityTypeBuilder<NoticeSummary> e)
    {
        e.ToTable("notice_summaries");
        e.HasKey(s => s.DeliveryId);
        e.Property(s => s.DeliveryId).ValueGeneratedNever();
        e.Property(s => s.Service).HasMaxLength(40);
        e.Property(s => s.Notice).HasMaxLength(80);
        e.Property(s => s.Regarding).HasMaxLength(200);
        e.Property(s => s.RecipientRole).HasMaxLength(80);
        e.Property(s => s.RecipientAddress).HasMaxLength(320);
        e.Property(s => s.State).HasMaxLength(20);
        e.Property(s => s.Error).HasMaxLength(2000);
        e.Property(s => s.Version).IsRowVersion();
        e.HasIndex(s => s.InspectionId);
        // The operators' list of deliveries in a state, newest first: its order and its cursor, so a page costs the same however many there are.
        e.HasIndex(s => new { s.State, s.UpdatedAt, s.DeliveryId });
    }
}
