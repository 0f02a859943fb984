namespace Jtai.Ofsted.InformationExchange.AnnexA;

public enum CellKind { ChildId, Text, Date, Age, Count, Code, ContactOutcome }

/// <summary>
/// Where a column's value lands: a typed column of the stored row, named as the slot is. The first eight are the
/// row's own (every list has them, or an equivalent: the event date, the source); the rest belong to some lists.
/// </summary>
public enum RowSlot
{
    ChildId, Gender, Ethnicity, DateOfBirth, Age, EventDate, Source, Disability,
    ContactOutcome, AssessmentCompletionDate, ReferralNfa, ReferralsInLast12Months, AllocatedTeam, AllocatedWorker,
    ChildSeen, AssessmentAuthorisedDate, AssessedAsRequiringSupport, IcpcUnnecessary, IcpcDate, IcpcResultedInPlan,
    Section47sInLast12Months, IcpcsInLast12Months,
}

public static class RowSlots
{
    /// <summary>One of the row's own columns, shown as such rather than among the list's fields.</summary>
    public static bool IsCommon(this RowSlot slot) => slot <= RowSlot.Disability;
}

/// <summary>
/// One column of an Annex A list: its header as the ILACS schema names it, the variations local
/// authorities send, how its cells are read and whether a value is required.
/// </summary>
public sealed record AnnexAColumn(string Header, string Key, CellKind Kind, bool Required, RowSlot Slot,
    CodeList? Codes = null, string[]? Aliases = null)
{
    public IEnumerable<string> Names => [Header, .. Aliases ?? []];
}

/// <summary>Level of need a list shows (¶97: early help, child in need, child protection).</summary>
public static class NeedLevels
{
    public const string Contact = "contact only";
    public const string EarlyHelp = "early help";
    public const string ChildInNeed = "child in need";
    public const string ChildProtection = "child protection";

    public static int Rank(string level) => level switch
    {
        ChildProtection => 3, ChildInNeed => 2, EarlyHelp => 1, _ => 0,
    };
}

/// <summary>ILACS Annex A child-level lists 1–5 as the front-door JTAI asks for them (¶95).</summary>
public sealed record AnnexAList(int Number, string Title, string NeedLevel, IReadOnlyList<AnnexAColumn> Columns)
{
    private static readonly AnnexAColumn[] Common =
    [
        new("Child Unique ID", "childId", CellKind.ChildId, true, RowSlot.ChildId,
            Aliases: ["Child ID", "Unique ID", "Child Unique Identifier", "Child Unique Ref", "Child Reference", "ChildUniqueID"]),
        new("Gender", "gender", CellKind.Code, true, RowSlot.Gender, CodeLists.Gender, ["Sex", "Gender of Child"]),
        new("Ethnicity", "ethnicity", CellKind.Code, true, RowSlot.Ethnicity, CodeLists.Ethnicity, ["Ethnic Group", "Ethnicity Code", "Ethnic Origin"]),
        new("Date of Birth", "dateOfBirth", CellKind.Date, false, RowSlot.DateOfBirth, Aliases: ["DOB", "Birth Date", "Date of Birth (dd/mm/yyyy)"]),
        new("Age", "age", CellKind.Age, true, RowSlot.Age, Aliases: ["Age of Child (Years)", "Age of Child", "Age (Years)", "Age in Years", "Child Age"]),
    ];

    private static AnnexAColumn Disability => new("Does the Child have a Disability", "disability", CellKind.Code, false, RowSlot.Disability,
        CodeLists.YesNoUnknown, ["Disability", "Disabled", "Child has a Disability", "Does the child have a disability?"]);
    private static AnnexAColumn AllocatedTeam => new("Allocated Team", "allocatedTeam", CellKind.Text, false, RowSlot.AllocatedTeam, Aliases: ["Team"]);
    private static AnnexAColumn AllocatedWorker => new("Allocated Worker", "allocatedWorker", CellKind.Text, false, RowSlot.AllocatedWorker, Aliases: ["Worker", "Allocated Social Worker"]);

    public static readonly IReadOnlyList<AnnexAList> All =
    [
        new(1, "Contacts", NeedLevels.Contact,
        [
            .. Common,
            new("Date of Contact", "dateOfContact", CellKind.Date, true, RowSlot.EventDate, Aliases: ["Contact Date"]),
            new("Contact Source", "contactSource", CellKind.Code, true, RowSlot.Source, CodeLists.Source, ["Source of Contact"]),
            new("Contact outcome", "contactOutcome", CellKind.ContactOutcome, false, RowSlot.ContactOutcome, Aliases: ["Outcome of Contact", "Contact Outcome (JTAI)"]),
        ]),
        new(2, "Early help", NeedLevels.EarlyHelp,
        [
            .. Common,
            new("Assessment start date", "assessmentStartDate", CellKind.Date, true, RowSlot.EventDate, Aliases: ["Early Help Assessment Start Date"]),
            new("Assessment completion date", "assessmentCompletionDate", CellKind.Date, false, RowSlot.AssessmentCompletionDate, Aliases: ["Early Help Assessment Completion Date"]),
            new("Organisation completing assessment", "organisationCompletingAssessment", CellKind.Text, false, RowSlot.Source,
                Aliases: ["Organisation Completing the Assessment", "Assessing Organisation"]),
        ]),
        new(3, "Referrals", NeedLevels.ChildInNeed,
        [
            .. Common,
            new("Date of Referral", "dateOfReferral", CellKind.Date, true, RowSlot.EventDate, Aliases: ["Referral Date"]),
            new("Referral Source", "referralSource", CellKind.Code, true, RowSlot.Source, CodeLists.Source, ["Source of Referral"]),
            new("Referral NFA?", "referralNfa", CellKind.Code, false, RowSlot.ReferralNfa, Codes: CodeLists.YesNo, Aliases: ["Referral NFA", "Referral No Further Action"]),
            new("Number of Referrals in Last 12 Months", "referralsInLast12Months", CellKind.Count, false, RowSlot.ReferralsInLast12Months, Aliases: ["Referrals in Last 12 Months"]),
            AllocatedTeam, AllocatedWorker,
        ]),
        new(4, "Assessments", NeedLevels.ChildInNeed,
        [
            .. Common,
            Disability,
            new("Continuous Assessment Start Date", "assessmentStartDate", CellKind.Date, true, RowSlot.EventDate, Aliases: ["Assessment Start Date"]),
            new("Child Seen During Continuous Assessment", "childSeen", CellKind.Code, false, RowSlot.ChildSeen, Codes: CodeLists.YesNoUnknown, Aliases: ["Child Seen"]),
            new("Continuous Assessment Date of Authorisation", "assessmentAuthorisedDate", CellKind.Date, false, RowSlot.AssessmentAuthorisedDate, Aliases: ["Assessment Date of Authorisation", "Date of Authorisation"]),
            new("Was the child assessed as requiring LA children's social care support?", "assessedAsRequiringSupport", CellKind.Code, false, RowSlot.AssessedAsRequiringSupport,
                Codes: CodeLists.YesNoUnknown, Aliases: ["Assessed as Requiring Support", "Requires LA Children's Social Care Support"]),
            AllocatedTeam, AllocatedWorker,
        ]),
        new(5, "Section 47 enquiries and ICPCs", NeedLevels.ChildProtection,
        [
            .. Common,
            Disability,
            new("Strategy discussion initiating Section 47 Enquiry Start Date", "section47StartDate", CellKind.Date, true, RowSlot.EventDate,
                Aliases: ["Section 47 Enquiry Start Date", "S47 Start Date", "Strategy Discussion Date"]),
            new("Was an Initial Child Protection Conference deemed unnecessary?", "icpcUnnecessary", CellKind.Code, false, RowSlot.IcpcUnnecessary, Codes: CodeLists.YesNo,
                Aliases: ["ICPC Deemed Unnecessary"]),
            new("Date of Initial Child Protection Conference", "icpcDate", CellKind.Date, false, RowSlot.IcpcDate, Aliases: ["ICPC Date"]),
            new("Did the Initial Child Protection Conference Result in a Child Protection Plan", "icpcResultedInPlan", CellKind.Code, false, RowSlot.IcpcResultedInPlan,
                Codes: CodeLists.YesNo, Aliases: ["ICPC Resulted in CP Plan", "Did the ICPC Result in a Child Protection Plan"]),
            new("Number of Section 47 Enquiries in the last 12 months", "section47sInLast12Months", CellKind.Count, false, RowSlot.Section47sInLast12Months, Aliases: ["S47s in Last 12 Months"]),
            new("Number of ICPCs in the last 12 months", "icpcsInLast12Months", CellKind.Count, false, RowSlot.IcpcsInLast12Months, Aliases: ["ICPCs in Last 12 Months"]),
            AllocatedTeam, AllocatedWorker,
        ]),
    ];

    public static AnnexAList? Find(int number) => All.FirstOrDefault(l => l.Number == number);
}
