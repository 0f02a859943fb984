namespace Jtai.Web.Pages.CaseSelection;

// Ofsted's case selection answers (¶97–99), as the pages read them.

public sealed record ChildProfile(string ChildId, string? Gender, string? Ethnicity, DateOnly? DateOfBirth, int Age, string Disability,
    string NeedLevel, DateOnly? LastContactOrReferral, string ReferringAgency, List<int> Lists);

public sealed record Balance(int Children, Dictionary<string, Dictionary<string, int>> Dimensions);

public sealed record ProposalView(int Size, List<ChildProfile> Children, Balance Balance, Balance Population);

public sealed record SelectedChildView(string ChildId, ChildProfile? Profile, bool? ChildKnownToPolice, bool? ParentsOrCarersKnownToPolice,
    bool? HealthSupportBeyondUniversalServices, bool ForAudit);

public sealed record SelectionView(int Selected, int ForAudit, List<SelectedChildView> Children, Balance Balance);

public static class SelectionPaths
{
    public static string Base(Guid id) => $"/api/ofsted/inspections/{id}/case-selection";
    public static string Proposal(Guid id) => $"{Base(id)}/proposal?size=30";
    public static string Thirty(Guid id) => $"{Base(id)}/thirty";
    public static string Audit(Guid id) => $"{Base(id)}/audit";
    public static string Asked(Guid id) => $"{Base(id)}/asked";
    public static string Answers(Guid id) => $"{Base(id)}/answers";
}

/// <summary>The balance dimensions of ¶97 in words.</summary>
public static class Dimensions
{
    public static string Name(string key) => key switch
    {
        "ageBand" => "Age band",
        "sex" => "Sex",
        "ethnicity" => "Ethnic group",
        "disability" => "Disability",
        "timeSinceLastContact" => "Time since last contact or referral",
        "needLevel" => "Level of need",
        "referringAgency" => "Referring agency",
        _ => Display.Words(key),
    };
}

/// <summary>A table of children to choose from: their profiles (when known), ids, the field name and which are ticked.</summary>
public sealed record ChildrenTable(IReadOnlyList<ChildProfile?> Children, IReadOnlyList<string> Ids, string Field, ISet<string> Checked, string Legend);

/// <summary>A balance, beside the lists' balance when known.</summary>
public sealed record BalanceTable(Balance Chosen, Balance? Population);

/// <summary>A child of the 30 as a partner is asked about it (¶98), with its answers so far, and whether it is selected for audit (¶99).</summary>
public sealed record AskedChild(string ChildId, DateOnly? DateOfBirth, string? Gender, int Age, List<string> Questions,
    bool? ChildKnownToPolice, bool? ParentsOrCarersKnownToPolice, bool? HealthSupportBeyondUniversalServices, bool ForAudit)
{
    public bool? Answer(string question) => question switch
    {
        Questions98.ChildKnownToPolice => ChildKnownToPolice,
        Questions98.ParentsOrCarersKnownToPolice => ParentsOrCarersKnownToPolice,
        Questions98.HealthSupportBeyondUniversalServices => HealthSupportBeyondUniversalServices,
        _ => null,
    };

    public bool Answered => Questions.Count > 0 && Questions.All(q => Answer(q) is not null);
}

/// <summary>¶98: what police and health answer about each of the 30 children, in the guidance's words.</summary>
public static class Questions98
{
    public const string ChildKnownToPolice = "childKnownToPolice";
    public const string ParentsOrCarersKnownToPolice = "parentsOrCarersKnownToPolice";
    public const string HealthSupportBeyondUniversalServices = "healthSupportBeyondUniversalServices";

    public static string Text(string question) => question switch
    {
        ChildKnownToPolice => "Is the child known to the police?",
        ParentsOrCarersKnownToPolice => "Are the parents or carers known to the police?",
        HealthSupportBeyondUniversalServices => "Does the child receive health support beyond universal services?",
        _ => Display.Words(question),
    };

    public static string Short(string question) => question switch
    {
        ChildKnownToPolice => "Child known to police",
        ParentsOrCarersKnownToPolice => "Parents or carers known to police",
        HealthSupportBeyondUniversalServices => "Health support beyond universal services",
        _ => Display.Words(question),
    };
}
