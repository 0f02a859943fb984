using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Inspectorate.Notification;

/// <summary>
/// Whom this inspectorate notified of an inspection, and how: directly, or by asking another
/// recipient to pass it on (Ofsted asks the DCS to notify the MASA chair and scrutineer, ¶17).
/// A role with no contact on record is recorded as such, so the gap is visible, not silent.
/// "Notified" means delivered: <see cref="NotifiedAt"/> is set when the notice's delivery is sent
/// (for a role asked via another recipient, when that recipient's notice is sent).
/// </summary>
public sealed class InspectionNotification
{
    public long Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Role { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    /// <summary>"direct", or "via-{role}" when another recipient was asked to pass it on.</summary>
    public required string Channel { get; set; }
    public bool ContactMissing { get; set; }
    /// <summary>When the inspection moved to notified and this notice was queued.</summary>
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The notice's delivery (direct recipients with a contact only).</summary>
    public Guid? DeliveryId { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }
    public DateOnly FieldworkStart { get; set; }
}

public sealed record InspectionNotificationView(
    string Role, string? Name, string? Email, string Channel, bool ContactMissing, DateTimeOffset RecordedAt,
    Guid? DeliveryId, string? DeliveryState, string? DeliveryError, DateTimeOffset? NotifiedAt, DateOnly FieldworkStart)
{
    public static InspectionNotificationView From(InspectionNotification n, Jtai.Notices.Delivery.NoticeDelivery? delivery) => new(
        n.Role, n.Name, n.Email, n.Channel, n.ContactMissing, n.RecordedAt, n.DeliveryId, delivery?.State, delivery?.LastError, n.NotifiedAt, n.FieldworkStart);
}

internal sealed class InspectionNotificationConfiguration : IEntityTypeConfiguration<InspectionNotification>
{
    public void Configure(EntityTypeBuilder<InspectionNotification> e)
    {
        e.ToTable("inspection_notifications");
        e.HasKey(n => n.Id);
        e.Property(n => n.Id).UseIdentityAlwaysColumn();
        e.Property(n => n.Role).HasMaxLength(60);
        e.Property(n => n.Name).HasMaxLength(200);
        e.Property(n => n.Email).HasMaxLength(320);
        e.Property(n => n.Channel).HasMaxLength(80);
        e.HasIndex(n => n.InspectionId);
        e.HasIndex(n => n.DeliveryId);
    }
}
