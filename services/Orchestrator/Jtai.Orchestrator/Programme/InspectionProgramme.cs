using System.Text.Json;
using Jtai.Calendar.Frameworks;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Programme;

/// <summary>
/// One theme's programme for a year (programme note ¶4, ¶6: about ten areas a year): the areas Ofsted
/// proposed from the ranking, each with the reasons it was ranked where it was; each inspectorate's
/// agreement; the inspectors each offers; and, once planned, the inspection each area became.
/// proposed → agreed (every inspectorate taking part agreed) → planned.
/// </summary>
public sealed class InspectionProgramme
{
    public Guid Id { get; set; }
    public required string Theme { get; set; }
    public int FrameworkVersion { get; set; }
    public int Year { get; set; }
    public required string Status { get; set; }
    public required string ProposedBy { get; set; }
    public required string ProposedByName { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    /// <summary>The whole ranking as it stood when the list was proposed (JSON of <see cref="Candidate"/>s).</summary>
    public required string Ranking { get; set; }
    public DateTimeOffset? AgreedAt { get; set; }
    public string? PlannedBy { get; set; }
    public DateTimeOffset? PlannedAt { get; set; }
    public List<ProgrammeArea> Areas { get; set; } = [];
    public List<ProgrammeAgreement> Agreements { get; set; } = [];
    public List<ProgrammeInspector> Inspectors { get; set; } = [];
    /// <summary>Every change touches the programme's own row, so its xmin guards changes to its agreements and offers too.</summary>
    public DateTimeOffset ChangedAt { get; set; }
    public uint Version { get; set; }

    /// <summary>Ofsted's proposal of the year's list (programme note ¶4): the areas chosen, each with where the ranking put it and why.</summary>
    public static InspectionProgramme Propose(Framework framework, int year, IReadOnlyList<Candidate> ranked, IEnumerable<Candidate> chosen,
        string by, string byName, DateTimeOffset at)
    {
        var programme = new InspectionProgramme
        {
            Id = Guid.NewGuid(), Theme = framework.Key, FrameworkVersion = framework.Version, Year = year, Status = ProgrammeStatus.Proposed,
            ProposedBy = by, ProposedByName = byName, ProposedAt = at, Ranking = JsonSerializer.Serialize(ranked, Json), ChangedAt = at,
        };
        programme.Areas.AddRange(chosen.Select(c => new ProgrammeArea
        {
            ProgrammeId = programme.Id, LocalAreaCode = c.LocalAreaCode, LocalAreaName = c.LocalAreaName, Rank = c.Rank, Score = c.Score,
            Reasons = JsonSerializer.Serialize(c.Reasons, Json),
        }));
        return programme;
    }

    public void EnsureTakesPart(string inspectorate, IReadOnlyList<string> takingPart)
    {
        if (!takingPart.Contains(inspectorate))
            throw new DomainRuleException("inspectorate-takes-part",
                $"{inspectorate} does not take part in {Theme} inspections: they are {string.Join(", ", takingPart)}'s.");
    }

    /// <summary>An inspectorate taking part agrees the list (each records its own agreement).</summary>
    public void Agree(string inspectorate, IReadOnlyList<string> takingPart, string by, string byName, DateTimeOffset at)
    {
        EnsureTakesPart(inspectorate, takingPart);
        if (Status != ProgrammeStatus.Proposed)
            throw new DomainRuleException("programme-agreement", $"The programme is {Status}: the list was already agreed.");
        if (Agreements.Any(a => a.Inspectorate == inspectorate))
            throw new DomainRuleException("programme-agreement", $"{inspectorate} has already agreed this programme.");
        Agreements.Add(new ProgrammeAgreement { ProgrammeId = Id, Inspectorate = inspectorate, AgreedBy = by, AgreedByName = byName, AgreedAt = at });
        ChangedAt = at;
        if (takingPart.All(i => Agreements.Any(a => a.Inspectorate == i)))
        {
            Status = ProgrammeStatus.Agreed;
            AgreedAt = at;
        }
    }

    /// <summary>An inspectorate names the inspectors it offers for the programme's fieldwork; a later offer replaces its earlier one.</summary>
    public void Offer(string inspectorate, IReadOnlyList<string> takingPart, IEnumerable<ProgrammeInspector> inspectors, DateTimeOffset at)
    {
        EnsureTakesPart(inspectorate, takingPart);
        if (Status == ProgrammeStatus.Planned)
            throw new DomainRuleException("programme-planned", "The programme is planned: its teams are on the inspections now.");
        Inspectors.RemoveAll(i => i.Inspectorate == inspectorate);
        Inspectors.AddRange(inspectors);
        ChangedAt = at;
    }

    public void EnsurePlannable()
    {
        if (Status == ProgrammeStatus.Planned)
            throw new DomainRuleException("programme-planned", "The programme is already planned.");
        if (Status != ProgrammeStatus.Agreed)
            throw new DomainRuleException("programme-agreed-first",
                $"Every inspectorate taking part agrees the list before it is planned; agreed so far: {(Agreements.Count == 0 ? "none" : string.Join(", ", Agreements.Select(a => a.Inspectorate)))}.");
    }

    /// <summary>An area of the list became a scheduled inspection with its fieldwork week.</summary>
    public void AreaScheduled(string localAreaCode, Guid inspectionId, DateOnly fieldworkStart)
    {
        var area = Areas.Single(a => a.LocalAreaCode == localAreaCode);
        (area.InspectionId, area.FieldworkStart) = (inspectionId, fieldworkStart);
    }

    public void Planned(string by, DateTimeOffset at)
    {
        EnsurePlannable();
        Status = ProgrammeStatus.Planned;
        PlannedBy = by;
        PlannedAt = at;
        ChangedAt = at;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

public static class ProgrammeStatus
{
    public const string Proposed = "proposed";
    public const string Agreed = "agreed";
    public const string Planned = "planned";
}

/// <summary>An area on the programme: where the ranking put it and why, and the inspection it became.</summary>
public sealed class ProgrammeArea
{
    public Guid ProgrammeId { get; set; }
    public required string LocalAreaCode { get; set; }
    public required string LocalAreaName { get; set; }
    public int Rank { get; set; }
    public int Score { get; set; }
    /// <summary>JSON of the <see cref="RankingReason"/>s.</summary>
    public required string Reasons { get; set; }
    public Guid? InspectionId { get; set; }
    public DateOnly? FieldworkStart { get; set; }
}

public sealed class ProgrammeAgreement
{
    public Guid ProgrammeId { get; set; }
    public required string Inspectorate { get; set; }
    public required string AgreedBy { get; set; }
    public required string AgreedByName { get; set; }
    public DateTimeOffset AgreedAt { get; set; }
}

/// <summary>A person an inspectorate offers for the programme's fieldwork, in one team role.</summary>
public sealed class ProgrammeInspector
{
    public Guid ProgrammeId { get; set; }
    public required string Inspectorate { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string TeamRole { get; set; }
}

public sealed class InspectionProgrammeConfiguration : IEntityTypeConfiguration<InspectionProgramme>
{
    public void Configure(EntityTypeBuilder<InspectionProgramme> e)
    {
        e.ToTable("programmes");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.Theme).HasMaxLength(100);
        e.Property(p => p.Status).HasMaxLength(20);
        e.Property(p => p.ProposedBy).HasMaxLength(200);
        e.Property(p => p.ProposedByName).HasMaxLength(200);
        e.Property(p => p.PlannedBy).HasMaxLength(200);
        e.Property(p => p.Ranking).HasColumnType("jsonb");
        // One programme per theme and year: a second proposal is a change to the first, not a rival.
        e.HasIndex(p => new { p.Theme, p.Year }).IsUnique();
        e.Property(p => p.Version).IsRowVersion();
        e.HasMany(p => p.Areas).WithOne().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Agreements).WithOne().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Inspectors).WithOne().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProgrammeAreaConfiguration : IEntityTypeConfiguration<ProgrammeArea>
{
    public void Configure(EntityTypeBuilder<ProgrammeArea> e)
    {
        e.ToTable("programme_areas");
        e.HasKey(a => new { a.ProgrammeId, a.LocalAreaCode });
        e.Property(a => a.LocalAreaCode).HasMaxLength(20);
        e.Property(a => a.LocalAreaName).HasMaxLength(200);
        e.Property(a => a.Reasons).HasColumnType("jsonb");
    }
}

public sealed class ProgrammeAgreementConfiguration : IEntityTypeConfiguration<ProgrammeAgreement>
{
    public void Configure(EntityTypeBuilder<ProgrammeAgreement> e)
    {
        e.ToTable("programme_agreements");
        e.HasKey(a => new { a.ProgrammeId, a.Inspectorate });
        e.Property(a => a.Inspectorate).HasMaxLength(20);
        e.Property(a => a.AgreedBy).HasMaxLength(200);
        e.Property(a => a.AgreedByName).HasMaxLength(200);
    }
}

public sealed class ProgrammeInspectorConfiguration : IEntityTypeConfiguration<ProgrammeInspector>
{
    public void Configure(EntityTypeBuilder<ProgrammeInspector> e)
    {
        e.ToTable("programme_inspectors");
        e.HasKey(i => new { i.ProgrammeId, i.UserId });
        e.Property(i => i.Inspectorate).HasMaxLength(20);
        e.Property(i => i.UserId).HasMaxLength(200);
        e.Property(i => i.Name).HasMaxLength(200);
        e.Property(i => i.TeamRole).HasMaxLength(40);
    }
}
