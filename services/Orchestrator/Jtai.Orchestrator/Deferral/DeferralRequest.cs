using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Deferral;

/// <summary>
/// The partnership's request to defer an inspection and the inspectorates' decision (¶19). An
/// accepted deferral keeps the timeline it replaced, so the history of dates is never lost.
/// </summary>
public sealed class DeferralRequest
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Reason { get; set; }
    public DateOnly? ProposedFieldworkStart { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedBy { get; set; }
    /// <summary>The partner agency that asked, or null when inspectorate staff recorded the request.</summary>
    public string? RequestedByAgency { get; set; }
    public string? Outcome { get; set; }
    public string? DecisionReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    /// <summary>The other inspectorates whose agreement Ofsted records with the decision: the inspectorates decide together (¶19).</summary>
    public string[] AgreedWith { get; set; } = [];
    public DateOnly PreviousFieldworkStart { get; set; }
    public DateOnly? NewFieldworkStart { get; set; }
    /// <summary>The milestones as they stood before an accepted deferral (JSON).</summary>
    public string? PreviousTimeline { get; set; }
}

public static class DeferralOutcomes
{
    public const string Accepted = "accepted";
    public const string Refused = "refused";
    public static readonly IReadOnlyList<string> All = [Accepted, Refused];
}

public sealed record DeferralRequestView(
    Guid Id, Guid InspectionId, string Reason, DateOnly? ProposedFieldworkStart, DateTimeOffset RequestedAt, string RequestedBy,
    string? RequestedByAgency, string? Outcome, string? DecisionReason, DateTimeOffset? DecidedAt, string? DecidedBy, IReadOnlyList<string> AgreedWith,
    DateOnly PreviousFieldworkStart, DateOnly? NewFieldworkStart, System.Text.Json.JsonElement? PreviousTimeline)
{
    public static DeferralRequestView From(DeferralRequest d) => new(
        d.Id, d.InspectionId, d.Reason, d.ProposedFieldworkStart, d.RequestedAt, d.RequestedBy, d.RequestedByAgency,
        d.Outcome, d.DecisionReason, d.DecidedAt, d.DecidedBy, d.AgreedWith, d.PreviousFieldworkStart, d.NewFieldworkStart,
        d.PreviousTimeline is null ? null : System.Text.Json.JsonDocument.Parse(d.PreviousTimeline).RootElement.Clone());
}

internal sealed class DeferralRequestConfiguration : IEntityTypeConfiguration<DeferralRequest>
{
    public void Configure(EntityTypeBuilder<DeferralRequest> e)
    {
        e.ToTable("deferral_requests");
        e.HasKey(d => d.Id);
        e.Property(d => d.Id).ValueGeneratedNever();
        e.Property(d => d.Reason).HasMaxLength(2000);
        e.Property(d => d.RequestedBy).HasMaxLength(200);
        e.Property(d => d.RequestedByAgency).HasMaxLength(40);
        e.Property(d => d.Outcome).HasMaxLength(20);
        e.Property(d => d.DecisionReason).HasMaxLength(2000);
        e.Property(d => d.DecidedBy).HasMaxLength(200);
        e.Property(d => d.PreviousTimeline).HasColumnType("jsonb");
        e.HasIndex(d => d.InspectionId);
    }
}
