using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Jtai.Ofsted.InformationExchange.AnnexA;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>
/// One upload of one Annex A list. A re-upload supersedes the current one (SupersededAt set) and
/// keeps it, with its rows, as history; only the current upload's rows are read.
/// </summary>
public sealed class AnnexAUpload
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public short ListNumber { get; set; }
    public int Version { get; set; }
    public required string FileName { get; set; }
    public required string Format { get; set; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public required string Agency { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public int RowsStored { get; set; }
    public int RowsRefused { get; set; }
    public bool KeptValidRows { get; set; }
    /// <summary>Problems of the refused rows when the uploader asked to keep the valid ones (JSON).</summary>
    public string? Problems { get; set; }
    /// <summary>The first day of the period the lists cover (six months before notification, ¶8).</summary>
    public DateOnly? PeriodFrom { get; set; }
    /// <summary>Rows kept whose event is dated before <see cref="PeriodFrom"/>; each is in <see cref="Warnings"/> (JSON) by row.</summary>
    public int RowsBeforePeriod { get; set; }
    public string? Warnings { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }
}

/// <summary>
/// A row of an Annex A list: child-level personal data, read only by the inspection team. Each value has its
/// typed column (<see cref="AnnexAValues"/>); the columns of lists other than the row's stay empty.
/// </summary>
public sealed class AnnexARow : AnnexAValues
{
    public Guid UploadId { get; set; }
    /// <summary>The row's number in its file, as the spreadsheet numbers it: with the upload, the row's key.</summary>
    public int RowNumber { get; set; }
    public Guid InspectionId { get; set; }
    public short ListNumber { get; set; }
}

internal sealed class AnnexAUploadConfiguration : IEntityTypeConfiguration<AnnexAUpload>
{
    public void Configure(EntityTypeBuilder<AnnexAUpload> e)
    {
        e.ToTable("annex_a_uploads");
        e.HasKey(u => u.Id);
        e.Property(u => u.Id).ValueGeneratedNever();
        e.Property(u => u.FileName).HasMaxLength(UploadedFileName.MaxLength);
        e.Property(u => u.Format).HasMaxLength(10);
        e.Property(u => u.Sha256).HasMaxLength(64);
        e.Property(u => u.Agency).HasMaxLength(40);
        e.Property(u => u.UploadedBy).HasMaxLength(200);
        e.Property(u => u.Problems).HasColumnType("jsonb");
        e.Property(u => u.Warnings).HasColumnType("jsonb");
        e.HasIndex(u => new { u.InspectionId, u.ListNumber, u.Version }).IsUnique();
        // At most one current upload per list: two concurrent uploads cannot both win.
        e.HasIndex(u => new { u.InspectionId, u.ListNumber }).IsUnique().HasFilter("superseded_at IS NULL")
            .HasDatabaseName("ix_annex_a_uploads_current");
    }
}

internal sealed class AnnexARowConfiguration : IEntityTypeConfiguration<AnnexARow>
{
    public void Configure(EntityTypeBuilder<AnnexARow> e)
    {
        e.ToTable("annex_a_rows");
        // The one index: both reads (a page of an upload's rows in order; the current uploads' rows for the child
        // profiles) start from the upload, and a row number is unique in its file. No surrogate key (an identity
        // sequence and a second index to maintain for every row copied). No foreign key to the upload either: rows
        // are written only by binary COPY in their upload's own transaction, and a per-row key check was the
        // largest share of the upload's time in PostgreSQL.
        e.HasKey(r => new { r.UploadId, r.RowNumber });
        e.Property(r => r.ChildId).HasMaxLength(AnnexAValidator.MaxText);
        e.Property(r => r.Gender).HasMaxLength(40);
        e.Property(r => r.Ethnicity).HasMaxLength(10);
        e.Property(r => r.Source).HasMaxLength(AnnexAValidator.MaxText);
        e.Property(r => r.ContactOutcome).HasMaxLength(AnnexAValidator.MaxText);
        e.Property(r => r.ContactOutcomeNormalised).HasMaxLength(40);
        e.Property(r => r.AllocatedTeam).HasMaxLength(AnnexAValidator.MaxText);
        e.Property(r => r.AllocatedWorker).HasMaxLength(AnnexAValidator.MaxText);
        foreach (var code in (string[])[nameof(AnnexARow.Disability), nameof(AnnexARow.ReferralNfa), nameof(AnnexARow.ChildSeen),
                     nameof(AnnexARow.AssessedAsRequiringSupport), nameof(AnnexARow.IcpcUnnecessary), nameof(AnnexARow.IcpcResultedInPlan)])
            e.Property(code).HasMaxLength(10);
    }
}
