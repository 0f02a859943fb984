namespace Jtai.Contracts.InformationRequests;

/// <summary>Kinds of document a partner files against the information request.</summary>
public static class DocumentKinds
{
    /// <summary>¶96: the list of multi-agency audits of the last 6 months.</summary>
    public const string AuditList = "audit-list";
    /// <summary>¶108–109: performance and management information, filed against its item number (1.1 ... 4.6).</summary>
    public const string Performance = "performance";
    /// <summary>¶102–104: a case record of a child selected for audit.</summary>
    public const string CaseRecord = "case-record";
    /// <summary>¶28, ¶106: a single- or multi-agency evaluation of a child, or the summary of themes.</summary>
    public const string PartnershipAudit = "partnership-audit";
}

/// <summary>
/// What each agency shares about a child selected for audit (¶102 local authority, ¶103 police, ¶104 health):
/// the exchange's upload paths take these values and the web offers them.
/// </summary>
public static class CaseRecordTypes
{
    public static readonly IReadOnlyDictionary<string, string[]> ByAgency = new Dictionary<string, string[]>
    {
        [AnnexAItems.LocalAuthority] =
        [
            "initial-referral", "assessment", "strategy-discussion", "section-47-icpc", "return-home-interview",
            "multi-agency-meeting-minutes", "chronology",
        ],
        [AnnexAItems.Police] = ["incident-logs", "crime-reports", "referral-information", "missing-records", "custody-records"],
        [AnnexAItems.Health] =
        [
            "assessments-of-need", "mash-referrals", "mash-follow-up", "information-sharing", "decision-making",
            "supervision", "escalation",
        ],
    };

    /// <summary>The partnership's evaluations of a child (¶28): one per agency, and the joint one.</summary>
    public static readonly string[] Evaluations = ["single-agency", "multi-agency"];
    public const string ThemesSummary = "themes-summary";
}
