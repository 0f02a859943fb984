using Jtai.Contracts.InformationRequests;

namespace Jtai.Ofsted.InformationExchange;

/// <summary>What each agency shares about a child selected for audit (¶102 local authority, ¶103 police, ¶104 health).</summary>
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
