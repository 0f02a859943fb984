using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.FactualAccuracy;

/// <summary>¶82: the partnership's comment (coordinated by the DCS) on one paragraph of the draft, and the lead's decision with its reason.</summary>
public sealed class FactualAccuracyComment
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Paragraph { get; set; }
    public required string Comment { get; set; }
    public string? ProposedText { get; set; }
    public required string SubmittedBy { get; set; }
    public required string Agency { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string? Decision { get; set; }
    public string? Reason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public static class CommentDecisions
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public static readonly IReadOnlyList<string> All = [Accepted, Rejected];
}

public sealed class FactualAccuracyCommentConfiguration : IEntityTypeConfiguration<FactualAccuracyComment>
{
    public void Configure(EntityTypeBuilder<FactualAccuracyComment> e)
    {
        e.ToTable("factual_accuracy_comments");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.Paragraph).HasMaxLength(40);
        e.Property(c => c.Comment).HasMaxLength(5_000);
        e.Property(c => c.ProposedText).HasMaxLength(5_000);
        e.Property(c => c.SubmittedBy).HasMaxLength(200);
        e.Property(c => c.Agency).HasMaxLength(40);
        e.Property(c => c.Decision).HasMaxLength(20);
        e.Property(c => c.Reason).HasMaxLength(5_000);
        e.Property(c => c.DecidedBy).HasMaxLength(200);
        e.HasIndex(c => c.InspectionId);
    }
}

public sealed record CommentRequest(string? Paragraph, string? Comment, string? ProposedText);

public sealed record DecisionRequest(string? Decision, string? Reason);

public sealed record CommentView(Guid Id, string Paragraph, string Comment, string? ProposedText, string SubmittedBy, string Agency,
    DateTimeOffset SubmittedAt, string? Decision, string? Reason, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static CommentView From(FactualAccuracyComment c) => new(c.Id, c.Paragraph, c.Comment, c.ProposedText, c.SubmittedBy, c.Agency,
        c.SubmittedAt, c.Decision, c.Reason, c.DecidedBy, c.DecidedAt);
}
