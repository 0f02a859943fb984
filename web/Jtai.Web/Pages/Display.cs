using System.Globalization;
using System.Security.Claims;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Web.Pages;

/// <summary>The platform's keys in the words people read (GOV.UK style: sentence case, dates as "1 March 2027").</summary>
public static partial class Display
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string Role(string role) => role switch
    {
        JtaiRoles.Inspector => "Inspector",
        JtaiRoles.LeadInspector => "Lead inspector",
        JtaiRoles.QaManager => "Quality assurance manager",
        JtaiRoles.Manager => "Manager",
        JtaiRoles.Hmi => "HMI",
        JtaiRoles.NationalDirector => "National Director",
        JtaiRoles.PartnerAgency => "Partner agency",
        JtaiRoles.Operations => "Operations",
        _ => Words(role),
    };

    public static string Inspectorate(string? inspectorate) => inspectorate switch
    {
        Inspectorates.Ofsted => "Ofsted",
        Inspectorates.Cqc => "CQC",
        Inspectorates.Hmicfrs => "HMICFRS",
        null => "",
        _ => inspectorate,
    };

    public static string Agency(string? agency) => agency switch
    {
        Agencies.LocalAuthority => "Local authority",
        Agencies.Health => "Health",
        Agencies.Police => "Police",
        Agencies.Education => "Education",
        Agencies.Masa => "MASA",
        null => "",
        _ => Words(agency),
    };

    /// <summary>A notice of the letter's way out, as the letter page lists its deliveries.</summary>
    public static string Notice(string kind) => kind switch
    {
        "letter-draft" => "Draft letter",
        "letter-final" => "Final letter",
        "survey-request" => "Evaluation questionnaire",
        "letter-departments" => "Final letter to a government department",
        _ => Words(kind),
    };

    /// <summary>"front-door" → "Front door"; "information-gathering" → "Information gathering".</summary>
    public static string Words(string key)
    {
        if (key.Length == 0) return key;
        // Only hyphens between letters join words: "0-4" (an age band) keeps its own.
        var words = KebabHyphen().Replace(key, " ");
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<=[a-z])-(?=[a-z])")]
    private static partial System.Text.RegularExpressions.Regex KebabHyphen();

    /// <summary>An information request's status as a GOV.UK tag: its words and colour.</summary>
    public static (string Text, string Colour) RequestStatus(string status) => status switch
    {
        "awaited" => ("Awaited", "govuk-tag--blue"),
        "overdue" => ("Overdue", "govuk-tag--red"),
        "on-time" => ("Received on time", "govuk-tag--green"),
        "late" => ("Received late", "govuk-tag--orange"),
        _ => (Words(status), "govuk-tag--grey"),
    };

    /// <summary>A kind of case record (¶102–104) or of the partnership's audit (¶28, ¶106) in words.</summary>
    public static string CaseRecordType(string type) => type switch
    {
        "section-47-icpc" => "Section 47 enquiry and initial child protection conference",
        "mash-referrals" => "MASH referrals",
        "mash-follow-up" => "MASH follow-up",
        "single-agency" => "Single-agency evaluation",
        "multi-agency" => "Multi-agency evaluation",
        "themes-summary" => "Summary of themes and learning",
        _ => Words(type),
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>An instant as London reads it: "5pm on 2 March 2027", "9:30am on 1 April 2027".</summary>
    public static string DateTime(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, London);
        var time = local.Minute == 0 ? local.ToString("%h", English) : local.ToString("h:mm", English);
        var half = local.Hour < 12 ? "am" : "pm";
        return local is { Hour: 12, Minute: 0 } ? $"midday on {Date(DateOnly.FromDateTime(local.DateTime))}"
            : $"{time}{half} on {Date(DateOnly.FromDateTime(local.DateTime))}";
    }

    /// <summary>"Jane Smith (Lead inspector, Ofsted)" or "Birmingham police (Partner agency, Police, E08000025)".</summary>
    public static string SignedIn(ClaimsPrincipal user)
    {
        var roles = string.Join(", ", user.FindAll(JtaiClaims.Role).Select(c => Role(c.Value)));
        var detail = user.IsPartner()
            ? $"{roles}, {Agency(user.Agency())}, {user.LocalArea()}"
            : user.Inspectorate() is { } inspectorate ? $"{roles}, {Inspectorate(inspectorate)}" : roles;
        return $"{user.Identity?.Name} ({detail})";
    }
}
