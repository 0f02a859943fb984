using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.ThematicReport;

/// <summary>
/// One inspectorate's agreement to a theme's thematic report for a year (programme note ¶4: the
/// inspectorates draw the deep-dive findings together). It records what it agreed — the fingerprint of the
/// findings and letters drawn together then — so an inspection agreed later shows the agreement as out of date.
/// </summary>
public sealed class ThematicReportAgreement
{
    public required string Theme { get; set; }
    public int Year { get; set; }
    public required string Inspectorate { get; set; }
    public required string AgreedBy { get; set; }
    public required string AgreedByName { get; set; }
    public DateTimeOffset AgreedAt { get; set; }
    public required string Fingerprint { get; set; }
    public int Inspections { get; set; }
    public int Findings { get; set; }
}

public sealed class ThematicReportAgreementConfiguration : IEntityTypeConfiguration<ThematicReportAgreement>
{
    public void Configure(EntityTypeBuilder<ThematicReportAgreement> e)
    {
        e.ToTable("thematic_report_agreements");
        e.HasKey(a => new { a.Theme, a.Year, a.Inspectorate });
        e.Property(a => a.Theme).HasMaxLength(100);
        e.Property(a => a.Inspectorate).HasMaxLength(20);
        e.Property(a => a.AgreedBy).HasMaxLength(200);
        e.Property(a => a.AgreedByName).HasMaxLength(200);
        e.Property(a => a.Fingerprint).HasMaxLength(64);
    }
}
