using Jtai.Orchestrator.Data;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.InformalConcerns;

/// <summary>
/// ¶89: a concern the local partnership raises about the inspection, informally, to resolve it before the
/// inspection is completed: first with the lead inspector or the QA manager; if it stays unresolved, with the
/// QA manager (a senior HMI independent of the team) from the working day after fieldwork ends, CQC's and/or
/// HMICFRS's QA managers joining as the concern needs. Raising one does not affect the findings (¶90); a formal
/// complaint made later names it, and the concern shows that complaint.
/// </summary>
public sealed class InformalConcern
{
    public Guid Id { get; set; }
    public Guid InspectionId { get; set; }
    public required string Agency { get; set; }
    public required string RaisedBy { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    /// <summary>lead-inspector or qa-manager (¶89).</summary>
    public required string RaisedWith { get; set; }
    public required string Text { get; set; }
    public required string State { get; set; }
    public string? Resolution { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    /// <summary>The working day after fieldwork ends: the first day the QA manager takes an unresolved concern.</summary>
    public DateOnly? QaManagerFrom { get; set; }
    /// <summary>The other inspectorates whose QA managers joined the discussion (cqc, hmicfrs).</summary>
    public List<string> QaManagersJoining { get; set; } = [];
    public Guid? ComplaintId { get; set; }
    public uint Version { get; set; }

    public const int TextLength = 10_000;

    /// <summary>
    /// ¶89: a partner agency raises a concern with the lead inspector or the QA manager, while the inspection is open: from the
    /// final letter, the way to raise a concern is a formal complaint (Annex C ¶120).
    /// </summary>
    public static InformalConcern Raise(Guid inspectionId, bool finalLetterIssued, string agency, string raisedWith, string text, string by, DateTimeOffset at)
    {
        if (finalLetterIssued)
            throw new DomainRuleException("concern-before-final-letter",
                "The final letter has been issued: a concern about the inspection is now a formal complaint (Annex C).");
        return new InformalConcern
        {
            Id = Guid.NewGuid(), InspectionId = inspectionId, Agency = agency, RaisedBy = by, RaisedAt = at, RaisedWith = raisedWith, Text = text.Trim(),
            State = InformalConcernStates.Raised,
        };
    }

    /// <summary>The lead inspector or QA manager resolved it with the partnership during the inspection.</summary>
    public void Resolve(string resolution, string by, DateTimeOffset at)
    {
        if (State != InformalConcernStates.Raised)
            throw new DomainRuleException("concern-state", $"The concern is {State}: only a raised concern is resolved by the team; an escalated one by the QA manager's discussion.");
        (State, Resolution, ResolvedBy, ResolvedAt) = (InformalConcernStates.Resolved, resolution, by, at);
    }

    /// <summary>Unresolved, it goes to the QA manager, not before the working day after fieldwork ends (¶89).</summary>
    public void Escalate(DateOnly today, DateOnly qaManagerFrom, DateTimeOffset at)
    {
        if (State != InformalConcernStates.Raised)
            throw new DomainRuleException("concern-state", $"The concern is {State}: only an unresolved concern goes to the QA manager.");
        if (today < qaManagerFrom)
            throw new DomainRuleException("qa-manager-after-fieldwork",
                $"An unresolved concern goes to the QA manager from the working day after fieldwork ends ({qaManagerFrom:yyyy-MM-dd}); until then raise it with the lead inspector or the QA manager (¶89).");
        (State, EscalatedAt, QaManagerFrom) = (InformalConcernStates.WithQaManager, at, qaManagerFrom);
    }

    /// <summary>The QA manager's discussion with the partnership: resolved, or not (then a formal complaint is open to it, ¶90).</summary>
    public void Discussed(string outcome, bool resolved, IReadOnlyList<string> joining, string by, DateTimeOffset at)
    {
        if (State != InformalConcernStates.WithQaManager)
            throw new DomainRuleException("concern-state", $"The concern is {State}: the QA manager discusses a concern escalated to them.");
        (State, Resolution, ResolvedBy, ResolvedAt) = (resolved ? InformalConcernStates.Resolved : InformalConcernStates.Unresolved, outcome, by, at);
        QaManagersJoining = [.. joining];
    }
}

public static class InformalConcernStates
{
    public const string Raised = "raised";
    public const string WithQaManager = "with-qa-manager";
    public const string Resolved = "resolved";
    public const string Unresolved = "unresolved";
}

public static class ConcernRecipients
{
    public const string LeadInspector = "lead-inspector";
    public const string QaManager = "qa-manager";
    public static readonly IReadOnlyList<string> All = [LeadInspector, QaManager];
}

public sealed record InformalConcernView(Guid Id, Guid InspectionId, string Agency, string RaisedBy, DateTimeOffset RaisedAt, string RaisedWith,
    string Text, string State, string? Resolution, string? ResolvedBy, DateTimeOffset? ResolvedAt, DateTimeOffset? EscalatedAt,
    DateOnly? QaManagerFrom, IReadOnlyList<string> QaManagersJoining, Guid? ComplaintId)
{
    public static InformalConcernView From(InformalConcern c) => new(c.Id, c.InspectionId, c.Agency, c.RaisedBy, c.RaisedAt, c.RaisedWith, c.Text,
        c.State, c.Resolution, c.ResolvedBy, c.ResolvedAt, c.EscalatedAt, c.QaManagerFrom, c.QaManagersJoining, c.ComplaintId);
}

public sealed class InformalConcernConfiguration : IEntityTypeConfiguration<InformalConcern>
{
    public void Configure(EntityTypeBuilder<InformalConcern> e)
    {
        e.ToTable("informal_concerns");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.Agency).HasMaxLength(40);
        e.Property(c => c.RaisedBy).HasMaxLength(200);
        e.Property(c => c.RaisedWith).HasMaxLength(20);
        e.Property(c => c.Text).HasMaxLength(InformalConcern.TextLength);
        e.Property(c => c.State).HasMaxLength(20);
        e.Property(c => c.Resolution).HasMaxLength(InformalConcern.TextLength);
        e.Property(c => c.ResolvedBy).HasMaxLength(200);
        e.HasIndex(c => c.InspectionId);
        e.Property(c => c.Version).IsRowVersion();
    }
}

public static class InformalConcernQueries
{
    /// <summary>The concern, only if it belongs to that inspection.</summary>
    public static Task<InformalConcern?> InformalConcern(this OrchestratorDbContext db, Guid inspectionId, Guid concernId, CancellationToken ct) =>
        db.Set<InformalConcern>().SingleOrDefaultAsync(c => c.Id == concernId && c.InspectionId == inspectionId, ct);

    /// <summary>Saves a step, turning a lost race on the concern's row version into a 409 rather than a silent overwrite.</summary>
    public static async Task SaveConcern(this OrchestratorDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("concern-changed", "The concern changed meanwhile (another request won): read it again.");
        }
    }
}
