using Jtai.Contracts.InformationRequests;
using Jtai.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Ofsted.CaseSelection;

/// <summary>
/// One of the 30 children the lead inspector selected (¶97), the partners' answers about them
/// (¶98) and whether the lead then chose the child for audit (¶99).
/// </summary>
public sealed class SelectedChild
{
    public Guid InspectionId { get; set; }
    public required string ChildId { get; set; }
    public DateTimeOffset SelectedAt { get; set; }
    public required string SelectedBy { get; set; }

    public bool? ChildKnownToPolice { get; set; }
    public bool? ParentsOrCarersKnownToPolice { get; set; }
    public string? PoliceAnsweredBy { get; set; }
    public DateTimeOffset? PoliceAnsweredAt { get; set; }

    public bool? HealthSupportBeyondUniversalServices { get; set; }
    public string? HealthAnsweredBy { get; set; }
    public DateTimeOffset? HealthAnsweredAt { get; set; }

    /// <summary>¶105: once CQC names the health bodies, each answers the health question for itself.</summary>
    public List<HealthBodyAnswer> HealthBodyAnswers { get; set; } = [];

    public bool ForAudit { get; set; }
    public DateTimeOffset? ForAuditAt { get; set; }

    public const int IdLength = 200;
    public const int ByLength = 200;

    /// <summary>¶98: the police say whether the child and the parents or carers are known to them; health whether the child has support beyond universal services.</summary>
    public void Answer(string agency, ChildAnswer answer, string by, DateTimeOffset now, string? healthBody = null)
    {
        if (healthBody is not null)
        {
            HealthBodyAnswers.RemoveAll(a => a.Body == healthBody);
            HealthBodyAnswers.Add(new HealthBodyAnswer
            {
                Body = healthBody, SupportBeyondUniversalServices = answer.HealthSupportBeyondUniversalServices, AnsweredBy = by, AnsweredAt = now,
            });
        }
        else if (agency == AnnexAItems.Police)
        {
            ChildKnownToPolice = answer.ChildKnownToPolice;
            ParentsOrCarersKnownToPolice = answer.ParentsOrCarersKnownToPolice;
            PoliceAnsweredBy = by;
            PoliceAnsweredAt = now;
        }
        else
        {
            HealthSupportBeyondUniversalServices = answer.HealthSupportBeyondUniversalServices;
            HealthAnsweredBy = by;
            HealthAnsweredAt = now;
        }
    }

    public bool AnsweredBy(string agency, string? healthBody = null) =>
        healthBody is not null ? HealthBodyAnswers.Any(a => a.Body == healthBody)
        : agency == AnnexAItems.Police ? PoliceAnsweredAt is not null : HealthAnsweredAt is not null;

    /// <summary>What a health body (or, before bodies are named, health) answered.</summary>
    public bool? HealthAnswerOf(string? healthBody) =>
        healthBody is null ? HealthSupportBeyondUniversalServices : HealthBodyAnswers.FirstOrDefault(a => a.Body == healthBody)?.SupportBeyondUniversalServices;

    /// <summary>¶99: chosen for the partnership's audit, keeping when it was first chosen.</summary>
    public void ChooseForAudit(bool chosen, DateTimeOffset now)
    {
        if (chosen && !ForAudit) ForAuditAt = now;
        ForAudit = chosen;
        if (!chosen) ForAuditAt = null;
    }
}

/// <summary>One named health body's answer for a child (¶98, ¶105).</summary>
public sealed class HealthBodyAnswer
{
    public required string Body { get; set; }
    public bool? SupportBeyondUniversalServices { get; set; }
    public required string AnsweredBy { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
}

/// <summary>
/// The rules of case selection as a whole (¶97–99): exactly 30 children, fixed once the audit
/// selection is made; at least 5 of them for audit; the police and health questions.
/// </summary>
public static class CaseSelectionRules
{
    public const int Thirty = 30;
    public const int AtLeastForAudit = 5;
    public static readonly string[] PoliceQuestions = ["childKnownToPolice", "parentsOrCarersKnownToPolice"];
    public static readonly string[] HealthQuestions = ["healthSupportBeyondUniversalServices"];

    public static string[] QuestionsFor(string agency) => agency switch
    {
        AnnexAItems.Police => PoliceQuestions,
        AnnexAItems.Health => HealthQuestions,
        _ => [],
    };

    public static void EnsureThirtyCanChange(bool auditSelectionMade)
    {
        if (auditSelectionMade)
            throw new DomainRuleException("audit-selection-made", "The children for audit are already selected from these 30 (¶99); the 30 can no longer change.");
    }

    public static void EnsureThirtySelectedToAnswer(int selected)
    {
        if (selected == 0) throw new DomainRuleException("thirty-not-selected", "The lead inspector has not yet selected the 30 children (¶97).");
    }

    public static void EnsureThirtySelectedForAudit(int selected)
    {
        if (selected == 0)
            throw new DomainRuleException("thirty-not-selected", "Select the 30 children first (¶97); the children for audit are chosen from them (¶99).");
    }

    public static void CheckThirty(RequestErrors errors, int given)
    {
        if (!errors.Any && given != Thirty)
            errors.Add("childIds", $"The lead inspector selects {Thirty} different children (¶97); {given} given.");
    }

    public static void CheckForAudit(RequestErrors errors, int given)
    {
        if (!errors.Any && given < AtLeastForAudit)
            errors.Add("childIds", $"The lead inspector selects at least {AtLeastForAudit} of the 30 children for audit (¶99); {given} given.");
    }
}

internal sealed class SelectedChildConfiguration : IEntityTypeConfiguration<SelectedChild>
{
    public void Configure(EntityTypeBuilder<SelectedChild> e)
    {
        e.ToTable("selected_children");
        e.HasKey(c => new { c.InspectionId, c.ChildId });
        e.Property(c => c.ChildId).HasMaxLength(SelectedChild.IdLength);
        e.Property(c => c.SelectedBy).HasMaxLength(SelectedChild.ByLength);
        e.Property(c => c.PoliceAnsweredBy).HasMaxLength(SelectedChild.ByLength);
        e.Property(c => c.HealthAnsweredBy).HasMaxLength(SelectedChild.ByLength);
        e.OwnsMany(c => c.HealthBodyAnswers, a => a.ToJson());
    }
}
