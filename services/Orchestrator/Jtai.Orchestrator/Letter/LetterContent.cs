using System.Text.Json;

namespace Jtai.Orchestrator.Letter;

/// <summary>
/// The letter in the structure of published JTAI letters: opening, headline findings, areas for
/// priority action (only when there are any), what needs to improve, strengths, main findings,
/// next steps, addressees and one signatory per inspectorate.
/// </summary>
public sealed record LetterContent(
    string Opening,
    IReadOnlyList<string> HeadlineFindings,
    IReadOnlyList<string> AreasForPriorityAction,
    IReadOnlyList<string> WhatNeedsToImprove,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> MainFindings,
    NextSteps NextSteps,
    Addressees Addressees,
    IReadOnlyList<Signatory> Signatories)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LetterContent FromJson(string json) =>
        JsonSerializer.Deserialize<LetterContent>(json, Json) ?? throw new InvalidOperationException("A letter version has no content.");

    /// <summary>
    /// Every paragraph with a stable key ("headline-2", "main-3"): the partnership comments on
    /// paragraphs by these keys (¶82), so they survive re-rendering.
    /// </summary>
    public IReadOnlyList<LetterParagraph> Paragraphs()
    {
        var list = new List<LetterParagraph> { new("opening", null, Opening) };
        void Section(string prefix, string heading, IReadOnlyList<string> texts)
        {
            for (var i = 0; i < texts.Count; i++) list.Add(new($"{prefix}-{i + 1}", heading, texts[i]));
        }
        Section("headline", LetterHeadings.Headline, HeadlineFindings);
        Section("priority", LetterHeadings.PriorityActions, AreasForPriorityAction);
        Section("improve", LetterHeadings.Improve, WhatNeedsToImprove);
        Section("strength", LetterHeadings.Strengths, Strengths);
        Section("main", LetterHeadings.Main, MainFindings);
        list.Add(new("next-steps", LetterHeadings.NextSteps, NextSteps.Describe()));
        return list;
    }
}

public sealed record LetterParagraph(string Key, string? Heading, string Text);

/// <summary>¶85: whether a written statement of proposed action is required, who leads it, who cooperates, when it is due.</summary>
public sealed record NextSteps(bool StatementRequired, string? LeadAgency, IReadOnlyList<string> CooperatingAgencies, DateOnly? DueOn)
{
    public string Describe()
    {
        if (!StatementRequired)
            return "The inspectorates do not require a written statement of proposed action in response to this letter.";
        var cooperating = CooperatingAgencies.Count == 0 ? "" : $", in cooperation with {string.Join(", ", CooperatingAgencies.Select(AgencyNames.Of))}";
        var due = DueOn is { } d
            ? $" by {d:d MMMM yyyy}"
            : " within 70 working days of receiving the final letter";
        return $"The local partnership must make a written statement of proposed action responding to the findings{due} " +
               $"(Children Act 2004 (Joint Area Reviews) Regulations 2015). {AgencyNames.Of(LeadAgency!)} should lead it{cooperating}. " +
               "The local partnership may choose to involve other partners.";
    }
}

/// <summary>
/// ¶77: the senior leaders of the partnership, the MASA chair and its independent scrutineer, each with the
/// e-mail address the draft (¶82, the DCS) and the final letter (¶83) are delivered to. The letter prints
/// the names only; versions written before addresses were kept have none.
/// </summary>
public sealed record Addressees(string Dcs, string Icb, string Police, string MasaChair, string IndependentScrutineer,
    string? DcsEmail = null, string? IcbEmail = null, string? PoliceEmail = null, string? MasaChairEmail = null, string? IndependentScrutineerEmail = null)
{
    /// <summary>Each addressee as a notice recipient (role, name, address), in the order the letter lists them.</summary>
    public IReadOnlyList<(string Role, string Name, string? Email)> Recipients() =>
    [
        ("dcs", Dcs, DcsEmail), ("icb-chief-executive", Icb, IcbEmail), ("chief-constable", Police, PoliceEmail),
        ("masa-chair", MasaChair, MasaChairEmail), ("independent-scrutineer", IndependentScrutineer, IndependentScrutineerEmail),
    ];
}

public sealed record Signatory(string Inspectorate, string Name, string Title);

public static class LetterHeadings
{
    public const string Headline = "Headline findings";
    public const string PriorityActions = "Areas for priority action";
    public const string Improve = "What needs to improve?";
    public const string Strengths = "Strengths";
    public const string Main = "Main findings";
    public const string NextSteps = "Next steps";
}

public static class AgencyNames
{
    public static string Of(string agency) => agency switch
    {
        "local-authority" => "the local authority",
        "health" => "health partners (the integrated care board)",
        "police" => "the police",
        "education" => "education partners",
        "masa" => "the multi-agency safeguarding arrangements (MASA)",
        _ => agency,
    };

    public static string Inspectorate(string inspectorate) => inspectorate switch
    {
        "ofsted" => "Ofsted",
        "cqc" => "Care Quality Commission",
        "hmicfrs" => "HMICFRS",
        _ => inspectorate,
    };
}
