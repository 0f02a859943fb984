using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Orchestrator.StatementOfAction;

/// <summary>
/// ¶85–87: the written statement of proposed action the letter requires: which agency leads, which
/// cooperate, due 70 working days after the final letter; the partnership submits it and each
/// inspectorate records its response.
/// </summary>
public sealed class StatementOfActionRecord
{
    public Guid InspectionId { get; set; }
    public required string LeadAgency { get; set; }
    public List<string> CooperatingAgencies { get; set; } = [];
    public DateOnly DueOn { get; set; }
    public string? Text { get; set; }
    public string? SubmittedBy { get; set; }
    public string? SubmittedAgency { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public List<StatementResponse> Responses { get; set; } = [];
    public uint Version { get; set; }

    /// <summary>The partnership submits it through the agency the letter names to lead it (¶85–86).</summary>
    public void EnsureSubmittedByLeadAgency(string? agency)
    {
        if (agency != LeadAgency)
            throw new Jtai.ServiceDefaults.Access.NotPermittedException("lead-agency-submits",
                $"The letter names {LeadAgency} to lead the statement of action: it is submitted through {LeadAgency}.");
    }

    public const int TextLength = 100_000;
    public const int ResponseLength = 20_000;

    /// <summary>The partnership submits its statement once (¶86).</summary>
    public void Submit(string text, string by, string? agency, DateTimeOffset now)
    {
        if (SubmittedAt is not null) throw new DomainRuleException("statement-submitted", "The statement of action has already been submitted.");
        Text = text.Trim();
        SubmittedBy = by;
        SubmittedAgency = agency;
        SubmittedAt = now;
    }

    /// <summary>¶87: each inspectorate taking part reviews the submitted statement and responds, once.</summary>
    public void Respond(string inspectorate, IReadOnlyList<string> takingPart, string text, string by, DateTimeOffset now)
    {
        if (SubmittedAt is null) throw new DomainRuleException("statement-not-submitted", "The partnership has not submitted its statement of action yet.");
        if (!takingPart.Contains(inspectorate))
            throw new DomainRuleException("inspectorate-takes-part", $"{inspectorate} does not take part in this inspection: the response is the others'.");
        if (Responses.Any(r => r.Inspectorate == inspectorate))
            throw new DomainRuleException("statement-response-recorded", $"{inspectorate}'s response is already recorded.");
        Responses.Add(new StatementResponse { InspectionId = InspectionId, Inspectorate = inspectorate, Text = text.Trim(), RespondedBy = by, RespondedAt = now });
    }
}

public sealed class StatementResponse
{
    public Guid InspectionId { get; set; }
    public required string Inspectorate { get; set; }
    public required string Text { get; set; }
    public required string RespondedBy { get; set; }
    public DateTimeOffset RespondedAt { get; set; }
}

public sealed class StatementOfActionConfiguration : IEntityTypeConfiguration<StatementOfActionRecord>
{
    public void Configure(EntityTypeBuilder<StatementOfActionRecord> e)
    {
        e.ToTable("statements_of_action");
        e.HasKey(s => s.InspectionId);
        e.Property(s => s.InspectionId).ValueGeneratedNever();
        e.Property(s => s.LeadAgency).HasMaxLength(40);
        e.Property(s => s.Text).HasMaxLength(StatementOfActionRecord.TextLength);
        e.Property(s => s.SubmittedBy).HasMaxLength(200);
        e.Property(s => s.SubmittedAgency).HasMaxLength(40);
        e.Property(s => s.Version).IsRowVersion();
        e.HasMany(s => s.Responses).WithOne().HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StatementResponseConfiguration : IEntityTypeConfiguration<StatementResponse>
{
    public void Configure(EntityTypeBuilder<StatementResponse> e)
    {
        e.ToTable("statement_of_action_responses");
        e.HasKey(r => new { r.InspectionId, r.Inspectorate });
        e.Property(r => r.Inspectorate).HasMaxLength(20);
        e.Property(r => r.Text).HasMaxLength(StatementOfActionRecord.ResponseLength);
        e.Property(r => r.RespondedBy).HasMaxLength(200);
    }
}

public sealed record StatementRequest(string? Text) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Text, "text")) errors.MaxLength(Text, StatementOfActionRecord.TextLength, "text");
    }
}

public sealed record ResponseRequest(string? Text) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Text, "text")) errors.MaxLength(Text, StatementOfActionRecord.ResponseLength, "text");
    }
}

public sealed record StatementResponseView(string Inspectorate, string Text, string RespondedBy, DateTimeOffset RespondedAt);

public sealed record StatementOfActionView(Guid InspectionId, string LeadAgency, IReadOnlyList<string> CooperatingAgencies, DateOnly DueOn,
    bool Submitted, string? Text, string? SubmittedBy, string? SubmittedAgency, DateTimeOffset? SubmittedAt, bool Overdue,
    DateTimeOffset? OverdueSince, IReadOnlyList<StatementResponseView> Responses, IReadOnlyList<string> AwaitingResponseFrom);
