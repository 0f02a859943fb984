using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.Complaints;

/// <summary>
/// A formal complaint (Annex C). About the process or findings: Ofsted investigates with a lead
/// investigator, acknowledges within 5 working days (saying whether a request to withdraw the letter
/// is agreed) and responds within 30, having shared the response with all inspectorates first.
/// About an inspector's conduct: that inspector's inspectorate investigates; the others learn only
/// whether it was upheld. While open it holds the inspection's evidence in every service (HoldId).
/// </summary>
public sealed class Complaint
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public required string SubmittedBy { get; set; }
    public required string Agency { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>The inspectorate that investigates: Ofsted for process/findings, the inspector's own for conduct.</summary>
    public required string HandledBy { get; set; }
    public string? InspectorName { get; set; }
    public bool WithdrawalRequested { get; set; }
    public string? ExceptionalCircumstances { get; set; }
    public string? LeadInvestigator { get; set; }
    public DateOnly AcknowledgementDueOn { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public bool? WithdrawalAgreed { get; set; }
    public DateOnly ResponseDueOn { get; set; }
    public string? ResponseText { get; set; }
    public DateTimeOffset? ResponseSharedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public string? RespondedBy { get; set; }
    public bool? Upheld { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public Guid HoldId { get; set; }
    /// <summary>The informal concern (¶89) the complaint follows, when the partnership names one.</summary>
    public Guid? InformalConcernId { get; set; }
    public uint Version { get; set; }

    /// <summary>Annex C: Ofsted investigates a process or findings complaint, the inspector's own inspectorate a conduct complaint.</summary>
    public void EnsureInvestigatedBy(string? inspectorate)
    {
        if (inspectorate != HandledBy)
            throw new Jtai.ServiceDefaults.Access.NotPermittedException("investigating-inspectorate",
                $"This complaint is investigated by {HandledBy}: its managers and QA managers act on it.");
    }
}

public static class ComplaintKinds
{
    public const string ProcessOrFindings = "process-or-findings";
    public const string Conduct = "conduct";
    public static readonly IReadOnlyList<string> All = [ProcessOrFindings, Conduct];
}

public sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> e)
    {
        e.ToTable("complaints");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.Kind).HasMaxLength(40);
        e.Property(c => c.Text).HasMaxLength(20_000);
        e.Property(c => c.SubmittedBy).HasMaxLength(200);
        e.Property(c => c.Agency).HasMaxLength(40);
        e.Property(c => c.HandledBy).HasMaxLength(20);
        e.Property(c => c.InspectorName).HasMaxLength(200);
        e.Property(c => c.ExceptionalCircumstances).HasMaxLength(20_000);
        e.Property(c => c.LeadInvestigator).HasMaxLength(200);
        e.Property(c => c.AcknowledgedBy).HasMaxLength(200);
        e.Property(c => c.ResponseText).HasMaxLength(20_000);
        e.Property(c => c.RespondedBy).HasMaxLength(200);
        e.HasIndex(c => c.InspectionId);
        e.Property(c => c.Version).IsRowVersion();
    }
}

public sealed record ComplaintRequest(string? Kind, string? Text, string? Inspectorate, string? InspectorName, bool? RequestWithdrawal,
    string? ExceptionalCircumstances, Guid? InformalConcernId = null);

public sealed record LeadInvestigatorRequest(string? Name);

public sealed record AcknowledgementRequest(bool? WithdrawalAgreed, string? DecidedBy);

public sealed record ComplaintResponseRequest(string? Text, bool? Upheld);

/// <summary>The whole complaint, for the complainant's area and the investigating inspectorate (and all inspectorates for process/findings).</summary>
public sealed record ComplaintView(Guid Id, Guid InspectionId, string Kind, string HandledBy, string Status, DateTimeOffset SubmittedAt,
    string? Text, string? SubmittedBy, string? Agency, string? InspectorName, bool? WithdrawalRequested, string? ExceptionalCircumstances,
    string? LeadInvestigator, DateOnly? AcknowledgementDueOn, DateTimeOffset? AcknowledgedAt, bool? WithdrawalAgreed, DateOnly? ResponseDueOn,
    string? ResponseText, DateTimeOffset? ResponseSharedAt, DateTimeOffset? RespondedAt, bool? Upheld, DateTimeOffset? ClosedAt,
    bool? AcknowledgementOverdue, bool? ResponseOverdue)
{
    public static string StatusOf(Complaint c) => c.ClosedAt is not null ? "closed" : c.AcknowledgedAt is not null ? "acknowledged" : "received";

    public static ComplaintView Full(Complaint c, bool ackOverdue, bool responseOverdue) => new(c.Id, c.InspectionId, c.Kind, c.HandledBy, StatusOf(c),
        c.SubmittedAt, c.Text, c.SubmittedBy, c.Agency, c.InspectorName, c.WithdrawalRequested, c.ExceptionalCircumstances, c.LeadInvestigator,
        c.AcknowledgementDueOn, c.AcknowledgedAt, c.WithdrawalAgreed, c.ResponseDueOn, c.ResponseText, c.ResponseSharedAt, c.RespondedAt, c.Upheld,
        c.ClosedAt, ackOverdue, responseOverdue);

    /// <summary>¶124: another inspectorate learns that a conduct complaint exists and whether it was upheld, nothing more.</summary>
    public static ComplaintView Confidential(Complaint c) => new(c.Id, c.InspectionId, c.Kind, c.HandledBy, StatusOf(c), c.SubmittedAt,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, c.ClosedAt is null ? null : c.Upheld, c.ClosedAt, null, null);
}
