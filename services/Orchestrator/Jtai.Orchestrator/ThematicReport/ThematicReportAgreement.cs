using Jtai.ServiceDefaults.Problems;
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

    /// <summary>
    /// An inspectorate taking part agrees the report as it stands (its fingerprint), when it has findings to agree. An inspection
    /// agreed since the inspectorate's last agreement changed the report: it agrees it again (<paramref name="existing"/> updated).
    /// </summary>
    public static ThematicReportAgreement Agree(ThematicReportAgreement? existing, ThematicReportView report, string inspectorate, string by,
        string byName, DateTimeOffset at)
    {
        if (!report.Inspectorates.Contains(inspectorate))
            throw new DomainRuleException("inspectorate-takes-part", $"{inspectorate} does not take part in {report.Theme} inspections.");
        if (report.Findings.Count == 0)
            throw new DomainRuleException("thematic-report-has-findings", $"No {report.Theme} inspection in {report.Year} has agreed findings yet: there is nothing to agree.");
        if (existing?.Fingerprint == report.Fingerprint)
            throw new DomainRuleException("thematic-report-agreement", $"{inspectorate} has already agreed the report as it stands.");
        var agreement = existing ?? new ThematicReportAgreement
        {
            Theme = report.Theme, Year = report.Year, Inspectorate = inspectorate, AgreedBy = by, AgreedByName = byName, Fingerprint = report.Fingerprint,
        };
        (agreement.AgreedBy, agreement.AgreedByName, agreement.AgreedAt) = (by, byName, at);
        (agreement.Fingerprint, agreement.Inspections, agreement.Findings) = (report.Fingerprint, report.Letters.Count, report.Findings.Count);
        return agreement;
    }
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
