using Jtai.Contracts.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Inspectorate.Intelligence;

/// <summary>
/// What an inspectorate knows about a local area's safeguarding arrangements from the inspectorates'
/// routine programmes (programme note ¶7–8): its own records, and those the other inspectorates shared
/// with it (<see cref="ReceivedAt"/> set). Each inspectorate keeps its own copy in its own database.
/// </summary>
public sealed class AreaIntelligence
{
    public Guid Id { get; set; }
    /// <summary>The inspectorate whose programme saw it and who shared it.</summary>
    public required string SharedBy { get; set; }
    public required string LocalAreaCode { get; set; }
    public required string LocalAreaName { get; set; }
    public required string Kind { get; set; }
    public required string Programme { get; set; }
    public required string What { get; set; }
    public DateOnly ObservedOn { get; set; }
    public required string RecordedBy { get; set; }
    public required string RecordedByName { get; set; }
    public List<string> Agencies { get; set; } = [];
    public DateTimeOffset SharedAt { get; set; }
    /// <summary>When this inspectorate received another's record; null for its own.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    public IntelligenceShared ToMessage() => new(Id, SharedBy, LocalAreaCode, LocalAreaName, Kind, Programme, What, ObservedOn,
        RecordedBy, RecordedByName, Agencies, SharedAt);

    public static AreaIntelligence Received(IntelligenceShared m, DateTimeOffset at) => new()
    {
        Id = m.IntelligenceId, SharedBy = m.Inspectorate, LocalAreaCode = m.LocalAreaCode, LocalAreaName = m.LocalAreaName,
        Kind = m.Kind, Programme = m.Programme, What = m.What, ObservedOn = m.ObservedOn, RecordedBy = m.RecordedBy,
        RecordedByName = m.RecordedByName, Agencies = [.. m.Agencies], SharedAt = m.SharedAt, ReceivedAt = at,
    };
}

/// <summary>Someone read an area's intelligence: who, when, how many records they saw.</summary>
public sealed class IntelligenceRead
{
    public long Id { get; set; }
    public required string LocalAreaCode { get; set; }
    public required string ReaderId { get; set; }
    public required string ReaderName { get; set; }
    public required string ReaderInspectorate { get; set; }
    public required string ReaderRoles { get; set; }
    public int Records { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}

public sealed class AreaIntelligenceConfiguration : IEntityTypeConfiguration<AreaIntelligence>
{
    public void Configure(EntityTypeBuilder<AreaIntelligence> e)
    {
        e.ToTable("area_intelligence");
        e.HasKey(i => i.Id);
        e.Property(i => i.Id).ValueGeneratedNever();
        e.Property(i => i.SharedBy).HasMaxLength(20);
        e.Property(i => i.LocalAreaCode).HasMaxLength(IntelligenceLimits.AreaCode);
        e.Property(i => i.LocalAreaName).HasMaxLength(IntelligenceLimits.AreaName);
        e.Property(i => i.Kind).HasMaxLength(40);
        e.Property(i => i.Programme).HasMaxLength(60);
        e.Property(i => i.What).HasMaxLength(IntelligenceLimits.What);
        e.Property(i => i.RecordedBy).HasMaxLength(200);
        e.Property(i => i.RecordedByName).HasMaxLength(200);
        e.HasIndex(i => new { i.LocalAreaCode, i.ObservedOn });
    }
}

public sealed class IntelligenceReadConfiguration : IEntityTypeConfiguration<IntelligenceRead>
{
    public void Configure(EntityTypeBuilder<IntelligenceRead> e)
    {
        e.ToTable("intelligence_reads");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).UseIdentityAlwaysColumn();
        e.Property(r => r.LocalAreaCode).HasMaxLength(IntelligenceLimits.AreaCode);
        e.Property(r => r.ReaderId).HasMaxLength(200);
        e.Property(r => r.ReaderName).HasMaxLength(200);
        e.Property(r => r.ReaderInspectorate).HasMaxLength(20);
        e.Property(r => r.ReaderRoles).HasMaxLength(200);
        e.HasIndex(r => new { r.LocalAreaCode, r.ReadAt });
        // The read log of every area, latest first: its order and cursor.
        e.HasIndex(r => new { r.ReadAt, r.Id });
    }
}

/// <summary>Lengths shared by the request's validation and the tables.</summary>
public static class IntelligenceLimits
{
    public const int AreaCode = 20;
    public const int AreaName = 200;
    public const int What = 4_000;
}
