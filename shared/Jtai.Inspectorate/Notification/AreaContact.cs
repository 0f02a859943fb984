using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Inspectorate.Notification;

/// <summary>This inspectorate's contact for one role in one local area (each inspectorate keeps its own).</summary>
public sealed class AreaContact
{
    public required string LocalAreaCode { get; set; }
    public required string Role { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

public sealed record AreaContactView(string LocalAreaCode, string Role, string Name, string Email, DateTimeOffset UpdatedAt)
{
    public static AreaContactView From(AreaContact c) => new(c.LocalAreaCode, c.Role, c.Name, c.Email, c.UpdatedAt);
}

internal sealed class AreaContactConfiguration : IEntityTypeConfiguration<AreaContact>
{
    public void Configure(EntityTypeBuilder<AreaContact> e)
    {
        e.ToTable("area_contacts");
        e.HasKey(c => new { c.LocalAreaCode, c.Role });
        e.Property(c => c.LocalAreaCode).HasMaxLength(20);
        e.Property(c => c.Role).HasMaxLength(60);
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.Email).HasMaxLength(320);
        e.Property(c => c.UpdatedBy).HasMaxLength(200);
    }
}
