using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Ofsted.SharedRecord;

/// <summary>
/// An entry in the inspection team's shared evidence record (¶73), which Ofsted retains on behalf
/// of all three inspectorates: an evaluative summary (citing EC numbers, perhaps on behalf of two or
/// more inspectors), or the notes of a team meeting or a KIT meeting.
/// </summary>
public sealed class SharedEntry
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Kind { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string AuthorInspectorate { get; set; }
    /// <summary>The inspectors who agreed this summary (the author among them); empty when the author writes alone.</summary>
    public List<string> OnBehalfOf { get; set; } = [];
    public List<string> Criteria { get; set; } = [];
    public List<string> Agencies { get; set; } = [];
    public required string Text { get; set; }
    public DateTimeOffset? MeetingAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class SharedEntryKinds
{
    public const string EvaluativeSummary = "evaluative-summary";
    public const string TeamMeetingNotes = "team-meeting-notes";
    public const string KitMeetingNotes = "kit-meeting-notes";
    public static readonly IReadOnlyList<string> All = [EvaluativeSummary, TeamMeetingNotes, KitMeetingNotes];
}

public sealed class SharedEntryConfiguration : IEntityTypeConfiguration<SharedEntry>
{
    public void Configure(EntityTypeBuilder<SharedEntry> e)
    {
        e.ToTable("shared_record_entries");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.Kind).HasMaxLength(40);
        e.Property(s => s.AuthorId).HasMaxLength(200);
        e.Property(s => s.AuthorName).HasMaxLength(200);
        e.Property(s => s.AuthorInspectorate).HasMaxLength(20);
        e.HasIndex(s => new { s.InspectionId, s.Kind });
    }
}

public sealed record SharedEntryRequest(string? Kind, string? Text, List<string?>? Criteria, List<string?>? Agencies,
    List<string?>? OnBehalfOf, DateTimeOffset? MeetingAt);

public sealed record SharedEntryView(Guid Id, Guid InspectionId, string Kind, string AuthorId, string AuthorName, string AuthorInspectorate,
    IReadOnlyList<string> OnBehalfOf, IReadOnlyList<string> Criteria, IReadOnlyList<string> Agencies, string Text,
    DateTimeOffset? MeetingAt, DateTimeOffset CreatedAt)
{
    public static SharedEntryView From(SharedEntry s) => new(s.Id, s.InspectionId, s.Kind, s.AuthorId, s.AuthorName, s.AuthorInspectorate,
        s.OnBehalfOf, s.Criteria, s.Agencies, s.Text, s.MeetingAt, s.CreatedAt);
}
