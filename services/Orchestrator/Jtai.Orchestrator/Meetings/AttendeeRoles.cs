namespace Jtai.Orchestrator.Meetings;

/// <summary>
/// The roles the guidance names for the people at an inspection's meetings: the inspectors' own (their team roles) and the
/// local leaders the inspectorates notify and meet (¶16–17, ¶20–21, ¶63). Anyone else attends as <see cref="Other"/> with a
/// description of their role. A role is given by its key or in the guidance's words ("chair of the MASA"), matched
/// regardless of case, spacing and hyphens, and kept as its key.
/// </summary>
public static class AttendeeRoles
{
    public const string MasaChair = "masa-chair";
    public const string IndependentScrutineer = "independent-scrutineer";
    public const string Other = "other";

    public sealed record AttendeeRole(string Key, string Name, params string[] Aliases);

    public static readonly IReadOnlyList<AttendeeRole> All =
    [
        new("lead-inspector", "lead inspector"),
        new("inspector", "inspector"),
        new("hmi", "His Majesty's Inspector (HMI)", "HMI", "schools HMI"),
        new("qa-manager", "quality assurance manager", "QA manager"),
        new("manager", "inspectorate manager"),
        new("director-of-childrens-services", "director of children's services", "DCS", "director of childrens services"),
        new("head-of-social-care", "head of social care"),
        new(MasaChair, "chair of the MASA", "MASA chair", "chair of the multi-agency safeguarding arrangements"),
        new(IndependentScrutineer, "independent scrutineer",
            "person responsible for independent scrutiny of the MASA", "person responsible for independent scrutiny of the local safeguarding arrangements"),
        new("icb-chief-executive", "integrated care board (ICB) chief executive", "ICB chief executive"),
        new("icb-safeguarding-lead", "ICB executive lead for safeguarding children", "executive lead for safeguarding children"),
        new("designated-nurse", "head of safeguarding or designated nurse for safeguarding children", "designated nurse", "head of safeguarding"),
        new("chief-constable", "chief constable"),
        new("force-liaison-officer", "force liaison officer"),
        new("police-head-of-public-protection", "police head of public protection", "police head of child protection and safeguarding"),
        new("police-front-door-lead", "police lead for the front door arrangements", "police front door lead"),
        new("link-person", "link person"),
        new(Other, "other"),
    ];

    private static readonly Dictionary<string, AttendeeRole> ByWords = All
        .SelectMany(r => new[] { r.Key, r.Name }.Concat(r.Aliases).Select(w => (Words: Normalise(w), Role: r)))
        .DistinctBy(x => x.Words)
        .ToDictionary(x => x.Words, x => x.Role, StringComparer.Ordinal);

    /// <summary>The role a key or the guidance's words name; null for anything else.</summary>
    public static AttendeeRole? Find(string? words) =>
        words is not null && ByWords.TryGetValue(Normalise(words), out var role) ? role : null;

    public static string NameOf(string key) => All.FirstOrDefault(r => r.Key == key)?.Name ?? key;

    private static string Normalise(string words) =>
        string.Join(' ', words.ToLowerInvariant().Replace('-', ' ').Replace('’', '\'').Replace("(", " ").Replace(")", " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Who the guidance expects at a kind of meeting. ¶20 arranges the set-up discussion "including the chair of the MASA and the
    /// person responsible for independent scrutiny"; ¶65–66 speak to the MASA's representatives including the chair; ¶67 the lead
    /// meets the scrutineer. The guidance arranges and invites, it does not make attendance a condition (and ¶43 makes the feedback
    /// meeting voluntary), so a meeting recorded without them is kept and flagged, never refused.
    /// </summary>
    public static IReadOnlyList<string> ExpectedAt(string kind) => kind switch
    {
        MeetingKinds.SetUpDiscussion => [MasaChair, IndependentScrutineer],
        MeetingKinds.MasaBeforeFieldwork or MeetingKinds.MasaDuringFieldwork => [MasaChair],
        MeetingKinds.ScrutineerBeforeFieldwork or MeetingKinds.ScrutineerDuringFieldwork => [IndependentScrutineer],
        _ => [],
    };
}
