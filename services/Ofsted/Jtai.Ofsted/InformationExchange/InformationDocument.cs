using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>
/// A document a partner agency shared through the exchange, with its SHA-256. A re-upload of the
/// same slot (kind, item, child, agency) supersedes the current one and keeps it as history.
/// </summary>
public sealed class InformationDocument
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Kind { get; set; }
    /// <summary>Performance item number, case-record type, or evaluation type.</summary>
    public required string Item { get; set; }
    /// <summary>The child the document is about (case records, evaluations); null otherwise.</summary>
    public string? ChildId { get; set; }
    public required string Agency { get; set; }
    /// <summary>The health body that filed it (¶105), when a named body did; null otherwise.</summary>
    public string? HealthBody { get; set; }
    public int Version { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }

    /// <summary>A performance item's period (Annex A ¶108, ¶8) as it stood for this inspection when the document was filed; null for other kinds.</summary>
    public string? PeriodKind { get; set; }
    public string? PeriodText { get; set; }
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    /// <summary>The dates the partner stated the document covers, when stated.</summary>
    public DateOnly? CoversFrom { get; set; }
    public DateOnly? CoversTo { get; set; }
    /// <summary>Why the stated dates fall outside the item's period: kept and flagged, never refused.</summary>
    public string? PeriodWarning { get; set; }

    /// <summary>Case records and evaluations are about a child: child-level personal data.</summary>
    public bool IsChildLevel => ChildId is not null;
}

internal sealed class InformationDocumentConfiguration : IEntityTypeConfiguration<InformationDocument>
{
    public void Configure(EntityTypeBuilder<InformationDocument> e)
    {
        e.ToTable("information_documents");
        e.HasKey(d => d.Id);
        e.Property(d => d.Id).ValueGeneratedNever();
        e.Property(d => d.Kind).HasMaxLength(40);
        e.Property(d => d.Item).HasMaxLength(60);
        e.Property(d => d.ChildId).HasMaxLength(200);
        e.Property(d => d.Agency).HasMaxLength(40);
        e.Property(d => d.HealthBody).HasMaxLength(60);
        e.Property(d => d.FileName).HasMaxLength(UploadedFileName.MaxLength);
        e.Property(d => d.ContentType).HasMaxLength(200);
        e.Property(d => d.Sha256).HasMaxLength(64);
        e.Property(d => d.UploadedBy).HasMaxLength(200);
        e.Property(d => d.PeriodKind).HasMaxLength(40);
        e.Property(d => d.PeriodText).HasMaxLength(200);
        e.Property(d => d.PeriodWarning).HasMaxLength(1000);
        e.Ignore(d => d.IsChildLevel);
        e.HasIndex(d => new { d.InspectionId, d.Kind, d.Agency });
    }
}
