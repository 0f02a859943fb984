namespace Jtai.Ofsted.CaseSelection;

public sealed record ProposalView(int Size, List<ChildProfile> Children, Balance Balance, Balance Population);
public sealed record SelectedChildView(
    string ChildId, ChildProfile? Profile, bool? ChildKnownToPolice, bool? ParentsOrCarersKnownToPolice, DateTimeOffset? PoliceAnsweredAt,
    bool? HealthSupportBeyondUniversalServices, DateTimeOffset? HealthAnsweredAt, bool ForAudit, IReadOnlyList<HealthBodyAnswerView> HealthBodyAnswers)
{
    public static SelectedChildView Of(SelectedChild c, ChildProfile? profile) => new(c.ChildId, profile, c.ChildKnownToPolice,
        c.ParentsOrCarersKnownToPolice, c.PoliceAnsweredAt, c.HealthSupportBeyondUniversalServices, c.HealthAnsweredAt, c.ForAudit,
        [.. c.HealthBodyAnswers.OrderBy(a => a.Body).Select(a => new HealthBodyAnswerView(a.Body, a.SupportBeyondUniversalServices, a.AnsweredAt))]);
}

/// <summary>A named health body's answer for a child (¶98, ¶105): the team reads each body's.</summary>
public sealed record HealthBodyAnswerView(string Body, bool? HealthSupportBeyondUniversalServices, DateTimeOffset AnsweredAt);
public sealed record SelectionView(int Selected, int ForAudit, List<SelectedChildView> Children, Balance Balance);

/// <summary>What a partner is asked about one child: enough to find the child in its own records, and its answers so far.</summary>
public sealed record AskedChild(string ChildId, DateOnly? DateOfBirth, string? Gender, int Age, IReadOnlyList<string> Questions,
    bool? ChildKnownToPolice, bool? ParentsOrCarersKnownToPolice, bool? HealthSupportBeyondUniversalServices, bool ForAudit)
{
    /// <summary>Each agency sees only its own answers.</summary>
    public static AskedChild For(string agency, SelectedChild c, ChildProfile? p, string? healthBody = null)
    {
        var police = agency == Jtai.Contracts.InformationRequests.AnnexAItems.Police;
        var health = agency == Jtai.Contracts.InformationRequests.AnnexAItems.Health;
        return new AskedChild(c.ChildId, p?.DateOfBirth, p?.Gender, p?.Age ?? 0, CaseSelectionRules.QuestionsFor(agency),
            police ? c.ChildKnownToPolice : null, police ? c.ParentsOrCarersKnownToPolice : null,
            health ? c.HealthAnswerOf(healthBody) : null, c.ForAudit);
    }
}
