namespace Jtai.Contracts.InformationRequests;

/// <summary>One numbered thing the inspectorates ask the local partnership for (Annex A, ¶91–109).</summary>
/// <remarks>
/// Due names the milestone of the inspection's timeline the item is due by, in the stable keys of
/// Jtai.Calendar's MilestoneKeys (the table of ¶91 counted in England's working days): the
/// orchestrator places it on the inspection's own timeline, so a deferral or a bank holiday moves it.
/// </remarks>
public sealed record AnnexAItem(string Key, string Title, string Paragraph, IReadOnlyList<string> ProvidedBy, string Due, AnnexAPeriod? Period = null);

/// <summary>
/// The period an item covers, as Annex A and ¶8 state it: a span of months before the inspection (the lists and the audits
/// of ¶96: 6, ¶8; practice audits and MASA minutes: 12; reviews: 18), the most recent one or few (the yearly report, the
/// 3 latest sets of governance minutes; otherwise ¶109's "best and most recent examples"), or what is in force when the
/// inspection is notified (structures, policies, protocols). "Before the inspection" is counted back from notification,
/// as the child-level lists' period is (¶8).
/// </summary>
public sealed record AnnexAPeriod(string Kind, int? Months, int? Count, string Guidance)
{
    public const string MonthsBefore = "months-before-notification";
    public const string MostRecent = "most-recent";
    public const string InForce = "in-force";

    public static AnnexAPeriod Before(int months, string guidance) => new(MonthsBefore, months, null, guidance);
    public static AnnexAPeriod Latest(string guidance, int? count = null) => new(MostRecent, null, count, guidance);
    public static AnnexAPeriod Current(string guidance) => new(InForce, null, null, guidance);

    /// <summary>The period in words, for the checklist and the upload page.</summary>
    public string Text => Kind switch
    {
        MonthsBefore => $"The {Months} months before the inspection",
        MostRecent when Count is > 1 => $"The {Count} most recent",
        MostRecent => "The most recent",
        _ => "As in force when the inspection is notified",
    };

    /// <summary>The dates the item covers for an inspection notified on <paramref name="notifiedOn"/>: a start only for a span of months.</summary>
    public (DateOnly? From, DateOnly To) Window(DateOnly notifiedOn) =>
        Kind == MonthsBefore ? (notifiedOn.AddMonths(-Months!.Value), notifiedOn) : (null, notifiedOn);
}

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
    public static readonly IReadOnlyList<(string Number, string Title, string[] ProvidedBy, AnnexAPeriod Period)> PerformanceItems = BuildPerformanceItems();

    public static readonly IReadOnlyList<AnnexAItem> All = BuildAll();

    public static AnnexAItem? Find(string key) => All.FirstOrDefault(i => i.Key == key);

    private static List<AnnexAItem> BuildAll()
    {
        var items = new List<AnnexAItem>();
        string[] listTitles = ["Contacts (with Contact outcome)", "Early help", "Referrals", "Assessments", "Section 47 enquiries and ICPCs"];
        for (var list = 1; list <= 5; list++)
            items.Add(new(AnnexAList(list), $"Child-level data list {list}: {listTitles[list - 1]}", "¶95", [LocalAuthority], Week1Tuesday, AnnexAPeriod.Before(6, "¶8")));
        items.Add(new(AuditList, "List of multi-agency audits of the last 6 months", "¶96", AnyPartner, Week1Tuesday, AnnexAPeriod.Before(6, "¶96")));
        items.Add(new(SelectionOfThirty, "Lead inspector selects 30 children", "¶97", [Ofsted], Week1Wednesday));
        items.Add(new(SelectionAnswers(Police), "Police answers for the 30 children", "¶98", [Police], Week1Thursday));
        items.Add(new(SelectionAnswers(Health), "Health answers for the 30 children", "¶98", [Health], Week1Thursday));
        items.Add(new(SelectionForAudit, "Lead inspector selects at least 5 children for audit", "¶99", [Ofsted], Week1Friday));
        items.Add(new(CaseRecords(LocalAuthority), "Local authority case records of the children audited", "¶102", [LocalAuthority], Week2Tuesday));
        items.Add(new(CaseRecords(Police), "Police case records of the children audited", "¶103", [Police], Week2Tuesday));
        items.Add(new(CaseRecords(Health), "Health case records of the children audited", "¶104", [Health], Week2Tuesday));
        foreach (var (number, title, providedBy, period) in PerformanceItems)
            items.Add(new(Performance(number), $"{number} {title}", "¶108", providedBy, Week2Tuesday, period));
        items.Add(new(PartnershipAudits, "Partnership's audits of the children (single- and multi-agency evaluations, summary of themes)", "¶106, ¶28", AnyPartner, Week2Thursday));
        return items;
    }

    private static List<(string, string, string[], AnnexAPeriod)> BuildPerformanceItems()
    {
        string[] la = [LocalAuthority], masa = [Masa, LocalAuthority], police = [Police], health = [Health];
        // Periods as the items' own descriptions state them; data with none stated covers ¶8's recent practice (6 months);
        // examples with none stated are ¶109's "best and most recent"; structures, policies and protocols are those in force.
        AnnexAPeriod inForce = AnnexAPeriod.Current("¶108"), recent = AnnexAPeriod.Latest("¶109"), sixMonths = AnnexAPeriod.Before(6, "¶8");
        return
        [
            ("1.1", "Local authority organisational structures", la, inForce), ("1.2", "Management information reports", la, sixMonths),
            ("1.3", "Threshold criteria", la, inForce), ("1.4", "Practice audits", la, AnnexAPeriod.Before(12, "¶108 (1.4)")),
            ("1.5", "Improvement plans", la, recent), ("1.6", "Commissioned services", la, inForce), ("1.7", "Needs analysis", la, recent),
            ("1.8", "Strategic meetings", la, recent), ("1.9", "MASH", la, inForce), ("1.10", "Engagement with children", la, inForce),
            ("1.11", "Escalation policy", la, inForce), ("1.12", "Local protocols", la, inForce),
            ("2.1", "MASA structure", masa, inForce), ("2.2", "Management information reports", masa, sixMonths),
            ("2.3", "MASA meeting minutes", masa, AnnexAPeriod.Before(12, "¶108 (2.3)")), ("2.4", "Sub-group minutes", masa, recent),
            ("2.5", "MASA audits", masa, recent), ("2.6", "MASA yearly report", masa, AnnexAPeriod.Latest("¶108 (2.6)", 1)),
            ("2.7", "Reviews", masa, AnnexAPeriod.Before(18, "¶108 (2.7)")), ("2.8", "Action plans", masa, recent),
            ("2.9", "Engagement with children", masa, inForce), ("2.10", "Escalation policy", masa, inForce),
            ("3.1", "Police organisational structure", police, inForce), ("3.2", "Risk assessment process", police, inForce),
            ("3.3", "Learning and development", police, recent), ("3.4", "Referral document", police, inForce),
            ("3.5", "Minutes on strategic governance", police, AnnexAPeriod.Latest("¶108 (3.5)", 3)), ("3.6", "Audits and action plans", police, recent),
            ("3.7", "Performance management", police, sixMonths), ("3.8", "Escalation policy", police, inForce),
            ("4.1", "ICB/provider organisational structure", health, inForce), ("4.2", "Commissioning arrangements", health, inForce),
            ("4.3", "Annual reports", health, AnnexAPeriod.Latest("¶108 (4.3)", 1)), ("4.4", "Audits and action plans", health, recent),
            ("4.5", "Escalation policy", health, inForce), ("4.6", "Referral data", health, AnnexAPeriod.Latest("¶108 (4.6)", 1)),
        ];
    }
}
