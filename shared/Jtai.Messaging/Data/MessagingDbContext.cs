using Jtai.Messaging.Deadlines;
using Jtai.Messaging.Idempotency;
using Jtai.Messaging.Parking;
using Jtai.Messaging.Inbox;
using Jtai.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Messaging.Data;

/// <summary>
/// Base of every service's DbContext: the outbox, inbox and deadline tables live in the service's
/// own database, so a business change, its messages and its inbox mark commit together.
/// </summary>
public abstract class MessagingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();
    public DbSet<ConsumeFailure> ConsumeFailures => Set<ConsumeFailure>();
    public DbSet<ParkedMessage> ParkedMessages => Set<ParkedMessage>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    /// <summary>Whether this context's saves wrote outbox rows that a commit makes publishable (wakes the relay).</summary>
    internal OutboxRowTracker OutboxRows { get; } = new();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            e.HasIndex(m => m.MessageId).IsUnique();
            e.Property(m => m.MessageType).HasMaxLength(300);
            e.Property(m => m.Body).HasColumnType("jsonb");
            e.HasIndex(m => m.InspectionId);
            // The relay's scan: only unpublished rows, in order.
            e.HasIndex(m => m.Sequence).HasFilter("published_at IS NULL").HasDatabaseName("ix_outbox_messages_unpublished");
            // The retention purge's scan: published rows, oldest first.
            e.HasIndex(m => m.PublishedAt).HasFilter("published_at IS NOT NULL").HasDatabaseName("ix_outbox_messages_published_at");
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
            e.Property(m => m.MessageType).HasMaxLength(300);
            e.HasIndex(m => m.InspectionId);
            e.HasIndex(m => m.ReceivedAt);
        });
        modelBuilder.Entity<ConsumeFailure>(e =>
        {
            e.ToTable("consume_failures");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).UseIdentityAlwaysColumn();
            e.Property(f => f.Consumer).HasMaxLength(200);
            e.Property(f => f.MessageType).HasMaxLength(300);
            e.Property(f => f.Error).HasMaxLength(2000);
            e.HasIndex(f => f.InspectionId);
            e.HasIndex(f => f.FailedAt);
        });
        modelBuilder.Entity<Deadline>(e =>
        {
            e.ToTable("deadlines");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).UseIdentityAlwaysColumn();
            e.HasIndex(d => d.Key).IsUnique();
            e.Property(d => d.Key).HasMaxLength(300);
            e.Property(d => d.MessageType).HasMaxLength(300);
            e.Property(d => d.Body).HasColumnType("jsonb");
            e.HasIndex(d => d.DueAt).HasFilter("fired_at IS NULL AND cancelled_at IS NULL").HasDatabaseName("ix_deadlines_pending");
            e.HasIndex(d => d.InspectionId);
        });
        modelBuilder.Entity<ParkedMessage>(e =>
        {
            e.ToTable("parked_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).UseIdentityAlwaysColumn();
            e.HasIndex(m => new { m.MessageId, m.Consumer }).IsUnique();
            e.Property(m => m.Consumer).HasMaxLength(200);
            e.Property(m => m.Queue).HasMaxLength(300);
            e.Property(m => m.MessageType).HasMaxLength(300);
            e.Property(m => m.WaitingFor).HasMaxLength(500);
            e.Property(m => m.Body).HasColumnType("jsonb");
            e.HasIndex(m => m.DueAt);
            e.HasIndex(m => m.InspectionId);
        });
        modelBuilder.Entity<IdempotentRequest>(e =>
        {
            e.ToTable("idempotent_requests");
            e.HasKey(r => new { r.Caller, r.Key });
            e.Property(r => r.Caller).HasMaxLength(200);
            e.Property(r => r.Key).HasMaxLength(255);
            e.Property(r => r.Fingerprint).HasMaxLength(64);
            e.Property(r => r.ContentType).HasMaxLength(200);
            e.Property(r => r.Location).HasMaxLength(2000);
            e.HasIndex(r => r.CreatedAt);
        });
    }
}
