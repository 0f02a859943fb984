using Jtai.Calendar.WorkingDays;
using Jtai.Contracts.Events;
using Jtai.Orchestrator.InformalConcerns;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
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

    public const int TextLength = 20_000;
    public const int NameLength = 200;
    public const int AcknowledgementWorkingDays = 5;
    public const int ResponseWorkingDays = 30;

    public static Complaint Submit(Guid inspectionId, ComplaintRequest request, string submittedBy, string agency, InformalConcern? concern,
        ComplaintWindow window, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        window.EnsureOpenAt(now);
        var today = DateOnly.FromDateTime(LondonTime.ToLondon(now).DateTime);
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Kind = request.Kind!, Text = request.Text!.Trim(), SubmittedBy = submittedBy,
            Agency = agency, SubmittedAt = now,
            HandledBy = request.Kind == ComplaintKinds.Conduct ? request.Inspectorate! : Inspectorates.Ofsted,
            InspectorName = request.InspectorName?.Trim(), WithdrawalRequested = request.RequestWithdrawal == true,
            ExceptionalCircumstances = request.ExceptionalCircumstances?.Trim(),
            AcknowledgementDueOn = calendar.AddWorkingDays(today, AcknowledgementWorkingDays),
            ResponseDueOn = calendar.AddWorkingDays(today, ResponseWorkingDays),
            HoldId = Guid.NewGuid(), InformalConcernId = concern?.Id,
        };
        // ¶89–90: a complaint that follows an informal concern names it, so each shows the other.
        if (concern is not null) concern.ComplaintId = complaint.Id;
        return complaint;
    }

    /// <summary>Evidence is kept in every service while the complaint is open, whatever its retention.</summary>
    public LegalHoldPlaced HoldPlaced() => new(InspectionId, HoldId, $"Open {Kind} complaint {Id} (Annex C)", SubmittedAt);

    /// <summary>Annex C: Ofsted investigates a process or findings complaint, the inspector's own inspectorate a conduct complaint.</summary>
    public void EnsureInvestigatedBy(string? inspectorate)
    {
        if (inspectorate != HandledBy)
            throw new Jtai.ServiceDefaults.Access.NotPermittedException("investigating-inspectorate",
                $"This complaint is investigated by {HandledBy}: its managers and QA managers act on it.");
    }

    /// <summary>¶122: Ofsted appoints a lead investigator for a complaint about the process or findings.</summary>
    public void AppointLeadInvestigator(string name)
    {
        EnsureOpen();
        if (Kind != ComplaintKinds.ProcessOrFindings)
            throw new DomainRuleException("lead-investigator", "Ofsted appoints a lead investigator for complaints about the process or findings (¶122).");
        LeadInvestigator = name.Trim();
    }

    /// <summary>Within 5 working days; a request to withdraw the letter is answered here (¶121–122).</summary>
    public void Acknowledge(bool? withdrawalAgreed, string by, DateTimeOffset now)
    {
        EnsureOpen();
        if (AcknowledgedAt is not null) throw new DomainRuleException("complaint-acknowledged", "The complaint has already been acknowledged.");
        if (Kind == ComplaintKinds.ProcessOrFindings && LeadInvestigator is null)
            throw new DomainRuleException("lead-investigator", "Appoint the lead investigator first: the acknowledgement sets out the timeline they will follow (¶122).");
        AcknowledgedAt = now;
        AcknowledgedBy = by;
        WithdrawalAgreed = withdrawalAgreed;
    }

    /// <summary>¶122: Ofsted shares the final response with all inspectorates before sending it.</summary>
    public void ShareResponse(string text, bool? upheld, DateTimeOffset now)
    {
        EnsureOpen();
        if (Kind != ComplaintKinds.ProcessOrFindings)
            throw new DomainRuleException("conduct-confidential", "A conduct complaint's response stays with its inspectorate: record the outcome instead (¶124).");
        if (AcknowledgedAt is null) throw new DomainRuleException("acknowledge-first", "Acknowledge the complaint first.");
        ResponseText = text.Trim();
        Upheld = upheld;
        ResponseSharedAt = now;
    }

    public LegalHoldReleased SendResponse(string by, DateTimeOffset now)
    {
        EnsureOpen();
        if (Kind != ComplaintKinds.ProcessOrFindings)
            throw new DomainRuleException("conduct-confidential", "A conduct complaint is closed by recording its outcome (¶124).");
        if (ResponseSharedAt is null)
            throw new DomainRuleException("response-shared-first", "The response is shared with all inspectorates before it is sent (¶122).");
        return Close(by, now);
    }

    /// <summary>¶123–124: the inspector's inspectorate investigates by its own process; the others learn whether it was upheld.</summary>
    public LegalHoldReleased RecordOutcome(string text, bool? upheld, string by, DateTimeOffset now)
    {
        EnsureOpen();
        if (Kind != ComplaintKinds.Conduct)
            throw new DomainRuleException("response-shared-first", "A complaint about the process or findings is answered by sharing and then sending the response (¶122).");
        if (AcknowledgedAt is null) throw new DomainRuleException("acknowledge-first", "Acknowledge the complaint first.");
        ResponseText = text.Trim();
        Upheld = upheld;
        return Close(by, now);
    }

    /// <summary>Closing releases the complaint's hold on the inspection's evidence.</summary>
    private LegalHoldReleased Close(string by, DateTimeOffset now)
    {
        RespondedAt = now;
        RespondedBy = by;
        ClosedAt = now;
        return new LegalHoldReleased(InspectionId, HoldId, now);
    }

    private void EnsureOpen()
    {
        if (ClosedAt is not null) throw new DomainRuleException("complaint-closed", "The complaint is closed.");
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
        e.Property(c => c.Text).HasMaxLength(Complaint.TextLength);
        e.Property(c => c.SubmittedBy).HasMaxLength(200);
        e.Property(c => c.Agency).HasMaxLength(40);
        e.Property(c => c.HandledBy).HasMaxLength(20);
        e.Property(c => c.InspectorName).HasMaxLength(Complaint.NameLength);
        e.Property(c => c.ExceptionalCircumstances).HasMaxLength(Complaint.TextLength);
        e.Property(c => c.LeadInvestigator).HasMaxLength(Complaint.NameLength);
        e.Property(c => c.AcknowledgedBy).HasMaxLength(200);
        e.Property(c => c.ResponseText).HasMaxLength(Complaint.TextLength);
        e.Property(c => c.RespondedBy).HasMaxLength(200);
        // An inspection's complaints in the order they came, and the list's cursor.
        e.HasIndex(c => new { c.InspectionId, c.SubmittedAt, c.Id });
        e.Property(c => c.Version).IsRowVersion();
    }
}
