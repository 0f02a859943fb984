using System.Globalization;
using Jtai.Notices;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Publication;

namespace Jtai.Orchestrator.Letter;

/// <summary>
/// What the letter's way out sends, through the platform's one delivery mechanism: the draft to the DCS
/// (¶82), the final letter to each addressee (¶77, ¶83), the evaluation questionnaire's request to the DCS
/// (¶84) and the final letter to the government departments before publication (¶110). Each is "sent"
/// only once delivered (LetterDeliveries).
/// </summary>
public static class LetterNotices
{
    public const string Draft = "letter-draft";
    public const string Final = "letter-final";
    public const string SurveyRequest = "survey-request";
    public const string Departments = "letter-departments";

    public static readonly IReadOnlyList<string> Kinds = [Draft, Final, SurveyRequest, Departments];

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Regarding "letter/{inspection}/{part}": the letter's view and its outcome find their deliveries by it.</summary>
    public static string Regarding(Guid inspectionId, string part) => $"letter/{inspectionId}/{part}";

    public static string RegardingPrefix(Guid inspectionId) => $"letter/{inspectionId}/";

    public static Notice DraftToDcs(Inspection inspection, LetterContent draft, int version, DateOnly commentsDueOn)
    {
        var dcs = draft.Addressees;
        var body = string.Join('\n',
            $"Dear {dcs.Dcs},",
            "",
            $"The inspectorates share with you the draft letter of findings of the joint targeted area inspection of {inspection.LocalAreaName} " +
            "(paragraph 82 of the guidance). Please coordinate a shared review of its factual accuracy and a response on behalf of the local partnership, " +
            $"commenting paragraph by paragraph through the platform by the end of {commentsDueOn.ToString("dddd d MMMM yyyy", English)}.",
            "",
            "The draft is not for publication.",
            "",
            LetterRendering.Text(draft, LetterStore.Title(inspection), $"DRAFT (version {version}) for factual accuracy check: not for publication"));
        return new Notice(Draft, inspection.Id, Regarding(inspection.Id, "draft"), new NoticeRecipient("dcs", dcs.Dcs, Address(dcs.DcsEmail, "dcs")),
            $"{LetterStore.Title(inspection)}: draft letter for factual accuracy check", body,
            new Dictionary<string, string>
            {
                ["local_area"] = inspection.LocalAreaName, ["comments_due_on"] = commentsDueOn.ToString("d MMMM yyyy", English),
                ["letter_version"] = version.ToString(English),
            });
    }

    /// <summary>One notice per addressee of the final letter, under embargo until <paramref name="plannedPublication"/>.</summary>
    public static IEnumerable<Notice> FinalToAddressees(Inspection inspection, LetterContent final, DateOnly letterDate, DateTimeOffset plannedPublication)
    {
        var embargo = $"{Jtai.Calendar.WorkingDays.LondonTime.ToLondon(plannedPublication).ToString("d MMMM yyyy HH:mm", English)} (London)";
        var text = LetterRendering.Text(final, LetterStore.Title(inspection), $"EMBARGOED until {embargo}");
        foreach (var (role, name, email) in final.Addressees.Recipients())
            yield return new Notice(Final, inspection.Id, Regarding(inspection.Id, $"final/{role}"), new NoticeRecipient(role, name, Address(email, role)),
                $"{LetterStore.Title(inspection)}: final letter of findings (embargoed)",
                string.Join('\n', $"Dear {name},", "",
                    $"The inspectorates send you the final letter of findings, dated {letterDate.ToString("d MMMM yyyy", English)}. " +
                    $"It is under embargo until {embargo}, when it is published.", "", text),
                new Dictionary<string, string>
                {
                    ["local_area"] = inspection.LocalAreaName, ["letter_date"] = letterDate.ToString("d MMMM yyyy", English), ["embargo_until"] = embargo,
                });
    }

    /// <summary>¶84: with the final letter, the DCS is asked to coordinate the partnership's answers to the questionnaire.</summary>
    public static Notice SurveyRequestToDcs(Inspection inspection, Addressees addressees, IReadOnlyList<string> questions) => new(
        SurveyRequest, inspection.Id, Regarding(inspection.Id, "survey-request"), new NoticeRecipient("dcs", addressees.Dcs, Address(addressees.DcsEmail, "dcs")),
        $"{LetterStore.Title(inspection)}: evaluation questionnaire",
        string.Join('\n', new[]
        {
            $"Dear {addressees.Dcs},", "",
            "With the final letter of findings, the inspectorates ask you to coordinate a response from the local partnership to the evaluation " +
            "questionnaire (paragraph 84 of the guidance). The inspectorates use the feedback to improve future inspections. The partnership " +
            "answers through the platform; the questions are:", "",
        }.Concat(questions.Select((q, i) => $"{i + 1}. {q}"))),
        new Dictionary<string, string> { ["local_area"] = inspection.LocalAreaName });

    /// <summary>¶110: the final letter goes to the government departments before it is published.</summary>
    public static Notice FinalToDepartment(Inspection inspection, LetterContent final, GovernmentDepartment department, DateOnly letterDate) => new(
        Departments, inspection.Id, Regarding(inspection.Id, $"departments/{department.Key}"), new NoticeRecipient("government-department", department.Name, department.Email),
        $"{LetterStore.Title(inspection)}: final letter before publication",
        string.Join('\n', $"Dear colleagues at the {department.Name},", "",
            "As paragraph 110 of the guidance sets out, the inspectorates share the final letter of findings with the government departments " +
            "before it is published, so that you can coordinate any response you may take. The inspectorates can offer a discussion to explain the findings.",
            "", LetterRendering.Text(final, LetterStore.Title(inspection), "EMBARGOED: not for publication")),
        new Dictionary<string, string> { ["local_area"] = inspection.LocalAreaName, ["letter_date"] = letterDate.ToString("d MMMM yyyy", English) });

    /// <summary>A letter version written before the addressees' addresses were kept cannot be delivered: edit it to add them.</summary>
    private static string Address(string? email, string role) =>
        email ?? throw new Jtai.ServiceDefaults.Problems.DomainRuleException("addressee-address",
            $"The letter has no e-mail address for the {role}: edit the letter's addressees to add it, then send again.");
}
