using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Notices.Delivery;

/// <summary>
/// One notice to one person, and what became of it: written in the same transaction as the change
/// that caused it, then attempted by the delivery consumer. "Notified" means this row is sent.
/// The rules live here: an attempt either sends it or fails (retried while attempts remain, then failed).
/// </summary>
public sealed class NoticeDelivery
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Notice { get; set; }
    public required string Regarding { get; set; }
    public required string RecipientRole { get; set; }
    public string? RecipientName { get; set; }
    public required string RecipientAddress { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>JSON object of named values for the channel's template (GOV.UK Notify personalisation).</summary>
    public required string Personalisation { get; set; }

    public string State { get; set; } = DeliveryStates.Queued;
    public int Attempts { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? Channel { get; set; }
    /// <summary>The channel's own id for the message (SMTP Message-Id, Notify notification id).</summary>
    public string? ChannelReference { get; set; }
    public string? LastError { get; set; }

    public bool AwaitsAttempt(int attempt) =>
        State is DeliveryStates.Queued or DeliveryStates.Retried && Attempts == attempt - 1;

    public NoticeDeliveryAttempt Delivered(DateTimeOffset at, string channel, string? reference)
    {
        Attempts++;
        State = DeliveryStates.Sent;
        LastAttemptAt = SentAt = at;
        NextAttemptAt = null;
        Channel = channel;
        ChannelReference = reference;
        LastError = null;
        return Attempt(at, channel, DeliveryStates.Sent, null);
    }

    /// <summary>An attempt failed: another at <paramref name="retryAt"/>, or none left (failed).</summary>
    public NoticeDeliveryAttempt AttemptFailed(DateTimeOffset at, string channel, string error, DateTimeOffset? retryAt)
    {
        Attempts++;
        State = retryAt is null ? DeliveryStates.Failed : DeliveryStates.Retried;
        LastAttemptAt = at;
        NextAttemptAt = retryAt;
        FailedAt = retryAt is null ? at : null;
        Channel = channel;
        LastError = error.Length <= 2000 ? error : error[..2000];
        return Attempt(at, channel, DeliveryStates.Failed, LastError);
    }

    /// <summary>Someone fixed the cause (an address, the mail server) and asks for another attempt now.</summary>
    public void RetryRequested(DateTimeOffset at)
    {
        if (State != DeliveryStates.Failed)
            throw new Jtai.ServiceDefaults.Problems.DomainRuleException("retry-failed-deliveries-only", $"Only a failed delivery can be retried; this one is {State}.");
        State = DeliveryStates.Retried;
        NextAttemptAt = at;
        FailedAt = null;
    }

    private NoticeDeliveryAttempt Attempt(DateTimeOffset at, string channel, string outcome, string? error) =>
        new() { DeliveryId = Id, Number = Attempts, At = at, Channel = channel, Outcome = outcome, Error = error };
}

/// <summary>Each attempt, kept: when, through which channel, and why it failed.</summary>
public sealed class NoticeDeliveryAttempt
{
    public Guid DeliveryId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Channel { get; set; }
    public required string Outcome { get; set; }
    public string? Error { get; set; }
}

internal sealed class NoticeDeliveryConfiguration : IEntityTypeConfiguration<NoticeDelivery>
{
    public void Configure(EntityTypeBuilder<NoticeDelivery> e)
    {
        e.ToTable("notice_deliveries");
        e.HasKey(d => d.Id);
        e.Property(d => d.Id).ValueGeneratedNever();
        e.Property(d => d.Notice).HasMaxLength(80);
        e.Property(d => d.Regarding).HasMaxLength(200);
        e.Property(d => d.RecipientRole).HasMaxLength(80);
        e.Property(d => d.RecipientName).HasMaxLength(200);
        e.Property(d => d.RecipientAddress).HasMaxLength(320);
        e.Property(d => d.Subject).HasMaxLength(300);
        e.Property(d => d.Personalisation).HasColumnType("jsonb");
        e.Property(d => d.State).HasMaxLength(20);
        e.Property(d => d.Channel).HasMaxLength(40);
        e.Property(d => d.ChannelReference).HasMaxLength(300);
        e.HasIndex(d => d.InspectionId);
        e.HasIndex(d => d.Regarding);
        e.HasIndex(d => d.State).HasFilter("state = 'failed'").HasDatabaseName("ix_notice_deliveries_failed");
    }
}

internal sealed class NoticeDeliveryAttemptConfiguration : IEntityTypeConfiguration<NoticeDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<NoticeDeliveryAttempt> e)
    {
        e.ToTable("notice_delivery_attempts");
        e.HasKey(a => new { a.DeliveryId, a.Number });
        e.Property(a => a.Channel).HasMaxLength(40);
        e.Property(a => a.Outcome).HasMaxLength(20);
        e.Property(a => a.Error).HasMaxLength(2000);
        e.HasOne<NoticeDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
