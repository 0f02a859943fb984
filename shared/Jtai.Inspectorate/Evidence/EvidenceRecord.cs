using Jtai.Inspectorate.Team;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Inspectorate.Evidence;

/// <summary>
/// One piece of evidence an inspector gathered (¶72): its source, when it was gathered (and when
/// the meeting was), the criteria it bears on, the agencies concerned and the inspector's text.
/// Held only by the inspector's own inspectorate, under its retention policy.
/// </summary>
public sealed class EvidenceRecord
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string Source { get; set; }
    /// <summary>For case sampling: multi-agency or single-agency; for observations: what was observed.</summary>
    public string? SourceDetail { get; set; }
    public DateTimeOffset GatheredAt { get; set; }
    public DateTimeOffset? MeetingAt { get; set; }
    public List<string> Criteria { get; set; } = [];
    public List<string> Agencies { get; set; } = [];
    /// <summary>The theme's focus areas (FA1…, the five-themes overview) the evidence speaks to: the prompts the record answers.</summary>
    public List<string> FocusAreas { get; set; } = [];
    public required string Text { get; set; }
    public List<PersonReference> People { get; set; } = [];
    public int Revision { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? NamesRemovedAt { get; set; }

    public EvidenceSnapshot Snapshot() =>
        new(Source, SourceDetail, GatheredAt, MeetingAt, [.. Criteria], [.. Agencies], Text, [.. People], Revision, UpdatedAt, [.. FocusAreas]);

    /// <summary>A record as its author first writes it, at revision 1.</summary>
    public static EvidenceRecord Write(Guid inspectionId, string authorId, string authorName, EvidenceRules.Valid valid, DateTimeOffset now)
    {
        var record = new EvidenceRecord
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, AuthorId = authorId, AuthorName = authorName,
            Source = valid.Source, Text = valid.Text, Revision = 1, CreatedAt = now,
        };
        record.Apply(valid, now);
        return record;
    }

    /// <summary>
    /// The author's edit of the latest revision ("revision", when given, guards against a lost update):
    /// returns the version before the edit, which the edit history keeps.
    /// </summary>
    public EvidenceRevision Edit(EvidenceRules.Valid valid, int? expectedRevision, string by, DateTimeOffset now)
    {
        if (expectedRevision is { } expected && expected != Revision)
            throw new DomainRuleException("edit-latest-revision", $"The record is at revision {Revision}, not {expected}: read it again before editing.");
        var before = new EvidenceRevision { RecordId = Id, InspectionId = InspectionId, Revision = Revision, EditedBy = by, EditedAt = now, Before = Snapshot() };
        Apply(valid, now);
        Revision++;
        return before;
    }

    /// <summary>Two edits of one record at the same time: the second is refused (its revision no longer matches).</summary>
    public static DomainRuleException EditedConcurrently() =>
        new("edit-latest-revision", "The record was edited by another request at the same time: read it again.");

    private void Apply(EvidenceRules.Valid valid, DateTimeOffset now)
    {
        Source = valid.Source; SourceDetail = valid.SourceDetail;
        GatheredAt = valid.GatheredAt; MeetingAt = valid.MeetingAt;
        Criteria = valid.Criteria; Agencies = valid.Agencies; FocusAreas = valid.FocusAreas;
        Text = valid.Text; People = valid.People;
        UpdatedAt = now;
    }

    /// <summary>An inspector's own record (¶48): only its author edits it.</summary>
    public void EnsureEditedByAuthor(Standing by)
    {
        if (by.Subject != AuthorId)
            throw new NotPermittedException("author-edits", "Only the record's author edits it.");
    }

    /// <summary>¶76: names are removed by the record's author or by its own inspectorate's lead inspector on the team.</summary>
    public void EnsureNamesRemovableBy(Standing by, string inspectorate)
    {
        if (by.Subject != AuthorId && !by.OnTeamAs(JtaiRoles.LeadInspector, inspectorate))
            throw new NotPermittedException("author-or-lead-removes-names",
                $"Names are removed from a record by its author or by {inspectorate}'s lead inspector on the team.");
    }
}

/// <summary>
/// A person as ¶76 asks: case reference, initials, date of birth, job title or role. A full name
/// only with the reason it is needed (to connect evidence across agencies), until names are removed.
/// </summary>
public sealed record PersonReference(
    string? CaseReference, string? Initials, DateOnly? DateOfBirth, string? Role, string? Name, string? NameReason);

/// <summary>How a record read before an edit: the edit history keeps every earlier version.</summary>
public sealed record EvidenceSnapshot(
    string Source, string? SourceDetail, DateTimeOffset GatheredAt, DateTimeOffset? MeetingAt,
    List<string> Criteria, List<string> Agencies, string Text, List<PersonReference> People, int Revision, DateTimeOffset WrittenAt,
    List<string>? FocusAreas = null);

/// <summary>An earlier version of a record, kept when it was edited.</summary>
public sealed class EvidenceRevision
{
    public long Id { get; set; }
    public Guid RecordId { get; set; }
    public Guid InspectionId { get; set; }
    public int Revision { get; set; }
    public required string EditedBy { get; set; }
    public DateTimeOffset EditedAt { get; set; }
    public required EvidenceSnapshot Before { get; set; }
}

/// <summary>An inspector's statement that their evidence record for the inspection is complete (¶74).</summary>
public sealed class EvidenceCompletion
{
    public Guid InspectionId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset CompletedAt { get; set; }

    /// <summary>Only team members who keep an evidence record complete it: the QA and line managers gather none (¶74).</summary>
    public static void EnsureKeptBy(TeamMember member)
    {
        if (!EvidenceRules.KeepRecords.Contains(member.TeamRole))
            throw new DomainRuleException("only-evidence-keepers-complete", $"A {member.TeamRole} keeps no evidence record to complete.");
    }
}

internal static class Jsonb
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> AsJsonb<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => JsonSerializer.Deserialize<T>(s, Options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
}

public sealed class EvidenceRecordConfiguration : IEntityTypeConfiguration<EvidenceRecord>
{
    public void Configure(EntityTypeBuilder<EvidenceRecord> e)
    {
        e.ToTable("evidence_records");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Property(r => r.AuthorId).HasMaxLength(200);
        e.Property(r => r.AuthorName).HasMaxLength(200);
        e.Property(r => r.Source).HasMaxLength(40);
        e.Property(r => r.SourceDetail).HasMaxLength(60);
        e.Property(r => r.People).AsJsonb();
        // Optimistic concurrency: two edits of one record cannot both win.
        e.Property(r => r.Revision).IsConcurrencyToken();
        e.HasIndex(r => new { r.InspectionId, r.AuthorId });
        // The list's order and cursor.
        e.HasIndex(r => new { r.InspectionId, r.GatheredAt, r.Id });
    }
}

public sealed class EvidenceRevisionConfiguration : IEntityTypeConfiguration<EvidenceRevision>
{
    public void Configure(EntityTypeBuilder<EvidenceRevision> e)
    {
        e.ToTable("evidence_revisions");
        e.HasKey(r => r.Id);
        e.Property(r => r.EditedBy).HasMaxLength(200);
        e.Property(r => r.Before).AsJsonb();
        e.HasIndex(r => new { r.RecordId, r.Revision }).IsUnique();
        e.HasIndex(r => r.InspectionId);
    }
}

public sealed class EvidenceCompletionConfiguration : IEntityTypeConfiguration<EvidenceCompletion>
{
    public void Configure(EntityTypeBuilder<EvidenceCompletion> e)
    {
        e.ToTable("evidence_completions");
        e.HasKey(c => new { c.InspectionId, c.UserId });
        e.Property(c => c.UserId).HasMaxLength(200);
    }
}
