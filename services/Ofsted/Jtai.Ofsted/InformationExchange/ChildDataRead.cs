using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>The audit log of children's personal data: every read, who, what, when (DESIGN: every read of personal data is audited).</summary>
public sealed class ChildDataRead
{
    public long Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    /// <summary>The caller's role and, for a partner, its agency (e.g. "lead-inspector", "partner-agency/police").</summary>
    public required string Role { get; set; }
    /// <summary>What was read, e.g. "annex-a/list-1 rows", "case-selection", "document {id}".</summary>
    public required string What { get; set; }
    /// <summary>How many children's records the answer held, or which child.</summary>
    public required string Detail { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class ChildDataReadConfiguration : IEntityTypeConfiguration<ChildDataRead>
{
    public void Configure(EntityTypeBuilder<ChildDataRead> e)
    {
        e.ToTable("child_data_reads");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).UseIdentityAlwaysColumn();
        e.Property(r => r.UserId).HasMaxLength(200);
        e.Property(r => r.UserName).HasMaxLength(200);
        e.Property(r => r.Role).HasMaxLength(80);
        e.Property(r => r.What).HasMaxLength(200);
        e.Property(r => r.Detail).HasMaxLength(2000);
        e.HasIndex(r => new { r.InspectionId, r.At });
        // The audit log's order and cursor within an inspection.
        e.HasIndex(r => new { r.InspectionId, r.Id });
    }
}
