using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Problems;
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

    public const int TextLength = 5_000;

    /// <summary>The partnership's comment on a paragraph of the draft, while the comments are open (¶82).</summary>
    public static FactualAccuracyComment Submit(InspectionLetter letter, string paragraph, string comment, string? proposedText,
        string by, string agency, DateTimeOffset now)
    {
        letter.EnsureOpenForComments(now);
        return new FactualAccuracyComment
        {
            Id = Guid.NewGuid(), InspectionId = letter.InspectionId, Paragraph = paragraph, Comment = comment.Trim(),
            ProposedText = proposedText?.Trim(), SubmittedBy = by, Agency = agency, SubmittedAt = now,
        };
    }

    /// <summary>The lead accepts or rejects the comment with a reason (¶83), before the final letter.</summary>
    public void Decide(InspectionLetter letter, string decision, string reason, string by, DateTimeOffset now)
    {
        letter.EnsureCommentsOpenToDecide();
        Decision = decision;
        Reason = reason.Trim();
        DecidedBy = by;
        DecidedAt = now;
    }
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
        e.Property(c => c.Comment).HasMaxLength(FactualAccuracyComment.TextLength);
        e.Property(c => c.ProposedText).HasMaxLength(FactualAccuracyComment.TextLength);
        e.Property(c => c.SubmittedBy).HasMaxLength(200);
        e.Property(c => c.Agency).HasMaxLength(40);
        e.Property(c => c.Decision).HasMaxLength(20);
        e.Property(c => c.Reason).HasMaxLength(FactualAccuracyComment.TextLength);
        e.Property(c => c.DecidedBy).HasMaxLength(200);
        e.HasIndex(c => c.InspectionId);
    }
}

/// <summary>A comment on one paragraph of the draft: its paragraph is checked against the draft's (<see cref="CheckFor"/>, by the handler).</summary>
public sealed record CommentRequest(string? Paragraph, string? Comment, string? ProposedText)
{
    public RequestErrors CheckFor(IReadOnlyList<string> paragraphs, int draftVersion)
    {
        var errors = new RequestErrors();
        if (errors.Required(Paragraph, "paragraph") && !paragraphs.Contains(Paragraph))
            errors.Add("paragraph", $"'{Paragraph}' is not a paragraph of the draft (version {draftVersion}); its paragraphs are {string.Join(", ", paragraphs)}.");
        if (errors.Required(Comment, "comment")) errors.MaxLength(Comment, FactualAccuracyComment.TextLength, "comment");
        errors.MaxLength(ProposedText, FactualAccuracyComment.TextLength, "proposedText");
        return errors;
    }
}

public sealed record DecisionRequest(string? Decision, string? Reason) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Decision, "decision")) errors.OneOf(Decision, CommentDecisions.All, "decision");
        if (errors.Required(Reason, "reason")) errors.MaxLength(Reason, FactualAccuracyComment.TextLength, "reason");
    }
}

public sealed record CommentView(Guid Id, string Paragraph, string Comment, string? ProposedText, string SubmittedBy, string Agency,
    DateTimeOffset SubmittedAt, string? Decision, string? Reason, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    public static CommentView From(FactualAccuracyComment c) => new(c.Id, c.Paragraph, c.Comment, c.ProposedText, c.SubmittedBy, c.Agency,
        c.SubmittedAt, c.Decision, c.Reason, c.DecidedBy, c.DecidedAt);
}
