namespace Jtai.Contracts.InformationRequests;

/// <summary>One numbered thing the inspectorates ask the local partnership for (Annex A, ¶91–109).</summary>
/// <remarks>
/// Due names the milestone of the inspection's timeline the item is due by, in the stable keys of
/// Jtai.Calendar's MilestoneKeys (the table of ¶91 counted in England's working days): the
/// orchestrator places it on the inspection's own timeline, so a deferral or a bank holiday moves it.
/// </remarks>
public sealed record AnnexAItem(string Key, string Title, string Paragraph, IReadOnlyList<string> ProvidedBy, string Due);

/// <summary>
/// The catalogue of the front-door JTAI's information request, shared by the Ofsted service
/// (who may provide what) and the orchestrator (the checklist and its deadlines): one list of
/// stable item keys, so the two never disagree about what an item is.
/// </summary>
public static class AnnexAItems
{
    // Agency names as in the tokens' "agency" claim; "ofsted" for the lead inspector's own steps.
    public const string LocalAuthority = "local-authority";
    public const string Health = "health";
    public const string Police = "police";
    public const string Education = "education";
    public const string Masa = "masa";
    public const string Ofsted = "ofsted";
    private static readonly string[] AnyPartner = [LocalAuthority, Health, Police, Education, Masa];

    // Milestones of the timeline (Jtai.Calendar.Timeline.MilestoneKeys): when each item is due.
    public const string Week1Tuesday = "child-level-data";                           // W1 Tue 17:00, ¶94–96
    public const string Week1Wednesday = "children-selected";                        // W1 Wed 17:00, ¶97
    public const string Week1Thursday = "partner-information-on-children";           // W1 Thu 17:00, ¶98
    public const string Week1Friday = "children-selected-for-audit";                 // W1 Fri 12:00, ¶99
    public const string Week2Tuesday = "case-records-and-performance-information";   // W2 Tue 17:00, ¶101–105, ¶108
    public const string Week2Thursday = "partnership-audits";                        // fieldwork − 2 WD 17:00, ¶106
    public static readonly IReadOnlyList<string> Milestones = [Week1Tuesday, Week1Wednesday, Week1Thursday, Week1Friday, Week2Tuesday, Week2Thursday];

    public static string AnnexAList(int list) => $"annex-a/list-{list}";
    public const string AuditList = "audit-list";
    public const string SelectionOfThirty = "case-selection/thirty";
    public static string SelectionAnswers(string agency) => $"selection-answers/{agency}";
    public const string SelectionForAudit = "case-selection/audit";
    public static string CaseRecords(string agency) => $"case-records/{agency}";
    public static string Performance(string number) => $"performance/{number}";
    public const string PartnershipAudits = "partnership-audits";

    /// <summary>Performance and management information (¶108–109): item number, title, who provides it.</summary>
    public static readonly IReadOnlyList<(string Number, string Title, string[] ProvidedBy)> PerformanceItems = BuildPerformanceItems();

    public static readonly IReadOnlyList<AnnexAItem> All = BuildAll();

    public static AnnexAItem? Find(string key) => All.FirstOrDefault(i => i.Key == key);

    private static List<AnnexAItem> BuildAll()
    {
        var items = new List<AnnexAItem>();
        string[] listTitles = ["Contacts (with Contact outcome)", "Early help", "Referrals", "Assessments", "Section 47 enquiries and ICPCs"];
        for (var list = 1; list <= 5; list++)
            items.Add(new(AnnexAList(list), $"Child-level data list {list}: {listTitles[list - 1]}", "¶95", [LocalAuthority], Week1Tuesday));
        items.Add(new(AuditList, "List of multi-agency audits of the last 6 months", "¶96", AnyPartner, Week1Tuesday));
        items.Add(new(SelectionOfThirty, "Lead inspector selects 30 children", "¶97", [Ofsted], Week1Wednesday));
        items.Add(new(SelectionAnswers(Police), "Police answers for the 30 children", "¶98", [Police], Week1Thursday));
        items.Add(new(SelectionAnswers(Health), "Health answers for the 30 children", "¶98", [Health], Week1Thursday));
        items.Add(new(SelectionForAudit, "Lead inspector selects at least 5 children for audit", "¶99", [Ofsted], Week1Friday));
        items.Add(new(CaseRecords(LocalAuthority), "Local authority case records of the children audited", "¶102", [LocalAuthority], Week2Tuesday));
        items.Add(new(CaseRecords(Police), "Police case records of the children audited", "¶103", [Police], Week2Tuesday));
        items.Add(new(CaseRecords(Health), "Health case records of the children audited", "¶104", [Health], Week2Tuesday));
        foreach (var (number, title, providedBy) in PerformanceItems)
            items.Add(new(Performance(number), $"{number} {title}", "¶108", providedBy, Week2Tuesday));
        items.Add(new(PartnershipAudits, "Partnership's audits of the children (single- and multi-agency evaluations, summary of themes)", "¶106, ¶28", AnyPartner, Week2Thursday));
        return items;
    }

    private static List<(string, string, string[])> BuildPerformanceItems()
    {
        string[] la = [LocalAuthority], masa = [Masa, LocalAuthority], police = [Police], health = [Health];
        return
        [
            ("1.1", "Local authority organisational structures", la), ("1.2", "Management information reports", la),
            ("1.3", "Threshold criteria", la), ("1.4", "Practice audits", la), ("1.5", "Improvement plans", la),
            ("1.6", "Commissioned services", la), ("1.7", "Needs analysis", la), ("1.8", "Strategic meetings", la),
            ("1.9", "MASH", la), ("1.10", "Engagement with children", la), ("1.11", "Escalation policy", la),
            ("1.12", "Local protocols", la),
            ("2.1", "MASA structure", masa), ("2.2", "Management information reports", masa), ("2.3", "MASA meeting minutes", masa),
            ("2.4", "Sub-group minutes", masa), ("2.5", "MASA audits", masa), ("2.6", "MASA yearly report", masa),
            ("2.7", "Reviews", masa), ("2.8", "Action plans", masa), ("2.9", "Engagement with children", masa),
            ("2.10", "Escalation policy", masa),
            ("3.1", "Police organisational structure", police), ("3.2", "Risk assessment process", police),
            ("3.3", "Learning and development", police), ("3.4", "Referral document", police),
            ("3.5", "Minutes on strategic governance", police), ("3.6", "Audits and action plans", police),
            ("3.7", "Performance management", police), ("3.8", "Escalation policy", police),
            ("4.1", "ICB/provider organisational structure", health), ("4.2", "Commissioning arrangements", health),
            ("4.3", "Annual reports", health), ("4.4", "Audits and action plans", health), ("4.5", "Escalation policy", health),
            ("4.6", "Referral data", health),
        ];
    }
}
