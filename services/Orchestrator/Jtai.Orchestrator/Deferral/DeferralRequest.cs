using Jtai.Orchestrator.Inspections;
using Jtai.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;
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

    public const int ReasonLength = 2000;

    /// <summary>
    /// The partnership asks once, between notification and the start of fieldwork (¶19);
    /// <paramref name="alreadyRequested"/>: the inspection has a deferral request already.
    /// </summary>
    public static DeferralRequest Ask(Inspection inspection, bool alreadyRequested, string reason, DateOnly? proposedFieldworkStart,
        string by, string? agency, DateTimeOffset now, DateOnly today)
    {
        if (today >= inspection.FieldworkStart)
            throw new DomainRuleException("deferral-window", "A deferral is requested between notification and the start of fieldwork (¶19); fieldwork has started.");
        if (alreadyRequested)
            throw new DomainRuleException("one-deferral", "The partnership may request one deferral of an inspection (¶19), and it already has.");
        return new DeferralRequest
        {
            Id = Guid.NewGuid(), InspectionId = inspection.Id, Reason = reason.Trim(), ProposedFieldworkStart = proposedFieldworkStart,
            RequestedAt = now, RequestedBy = by, RequestedByAgency = agency, PreviousFieldworkStart = inspection.FieldworkStart,
        };
    }

    /// <summary>A decision is recorded against a request the inspection has (404 otherwise).</summary>
    public static DomainRuleException Unknown(Guid inspectionId, Guid requestId) =>
        new("deferral-request", $"Inspection {inspectionId} has no deferral request {requestId}.", StatusCodes.Status404NotFound);

    /// <summary>The inspectorates decide once, together: Ofsted records it with those it agreed it with (¶19).</summary>
    public void Decide(string outcome, string? reason, IReadOnlyList<string> agreedWith, string by, DateTimeOffset now)
    {
        if (Outcome is not null) throw new DomainRuleException("deferral-decided", $"The deferral request was already {Outcome}.");
        Outcome = outcome;
        DecisionReason = reason?.Trim();
        DecidedAt = now;
        DecidedBy = by;
        AgreedWith = [.. agreedWith];
    }

    /// <summary>
    /// Accepting moves fieldwork later, leaving time to notify the area again (<paramref name="noticeWorkingDays"/> working days
    /// before: <paramref name="notifyBy"/>); the timeline it replaces (<paramref name="previousTimeline"/>, JSON) stays on the request.
    /// </summary>
    public void MoveFieldwork(Inspection inspection, DateOnly newFieldworkStart, DateOnly notifyBy, int noticeWorkingDays, DateOnly today, string previousTimeline)
    {
        if (newFieldworkStart <= inspection.FieldworkStart)
            throw new DomainRuleException("deferral-later", $"A deferral moves fieldwork later than {inspection.FieldworkStart:yyyy-MM-dd}.", StatusCodes.Status400BadRequest);
        if (notifyBy < today)
            throw new DomainRuleException("notice-period",
                $"Fieldwork on {newFieldworkStart:yyyy-MM-dd} leaves no time to notify the area again {noticeWorkingDays} working days before.", StatusCodes.Status400BadRequest);
        PreviousTimeline = previousTimeline;
        NewFieldworkStart = newFieldworkStart;
        inspection.FieldworkStart = newFieldworkStart;
    }
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
        e.Property(d => d.Reason).HasMaxLength(DeferralRequest.ReasonLength);
        e.Property(d => d.RequestedBy).HasMaxLength(200);
        e.Property(d => d.RequestedByAgency).HasMaxLength(40);
        e.Property(d => d.Outcome).HasMaxLength(20);
        e.Property(d => d.DecisionReason).HasMaxLength(DeferralRequest.ReasonLength);
        e.Property(d => d.DecidedBy).HasMaxLength(200);
        e.Property(d => d.PreviousTimeline).HasColumnType("jsonb");
        e.HasIndex(d => d.InspectionId);
    }
}
