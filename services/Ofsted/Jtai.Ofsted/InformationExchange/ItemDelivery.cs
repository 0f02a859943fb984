using Jtai.Contracts.Events;
using Jtai.Messaging.Outbox;
using Jtai.Ofsted.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>How many times an agency has delivered an item of the request (the version the checklist shows).</summary>
public sealed class ItemDelivery
{
    public Guid InspectionId { get; set; }
    public required string ItemKey { get; set; }
    public required string Agency { get; set; }
    public int Version { get; set; }
    public DateTimeOffset LastAt { get; set; }
}

internal sealed class ItemDeliveryConfiguration : IEntityTypeConfiguration<ItemDelivery>
{
    public void Configure(EntityTypeBuilder<ItemDelivery> e)
    {
        e.ToTable("item_deliveries");
        e.HasKey(d => new { d.InspectionId, d.ItemKey, d.Agency });
        e.Property(d => d.ItemKey).HasMaxLength(60);
        e.Property(d => d.Agency).HasMaxLength(40);
    }
}

public static class ItemDeliveries
{
    /// <summary>
    /// Counts the delivery and stages InformationItemReceived in the outbox: both commit with the
    /// caller's SaveChanges, together with what was delivered.
    /// </summary>
    public static async Task<int> Delivered(this OfstedDbContext db, IOutbox outbox, Guid inspectionId, string itemKey, string agency,
        string by, DateTimeOffset at, string summary, CancellationToken ct)
    {
        var delivery = await db.Set<ItemDelivery>().SingleOrDefaultAsync(d => d.InspectionId == inspectionId && d.ItemKey == itemKey && d.Agency == agency, ct);
        if (delivery is null)
            db.Set<ItemDelivery>().Add(delivery = new ItemDelivery { InspectionId = inspectionId, ItemKey = itemKey, Agency = agency });
        delivery.Version++;
        delivery.LastAt = at;
        outbox.Publish(new InformationItemReceived(inspectionId, itemKey, agency, by, at, delivery.Version, summary));
        return delivery.Version;
    }
}
