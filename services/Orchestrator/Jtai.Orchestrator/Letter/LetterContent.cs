using Jtai.Calendar.Registry;
using System.Text.Json;
using Jtai.Calendar.Frameworks;

namespace Jtai.Orchestrator.Letter;

/// <summary>
/// The letter in the structure of published JTAI letters: opening, headline findings, areas for
/// priority action (only when there are any), what needs to improve, strengths, main findings,
/// next steps, addressees and one signatory per inspectorate. An Ofsted-only letter (its framework's
/// form) leads with key strengths and gives recommendations, answered by an action plan, with Ofsted's one
/// signatory (2015 consultation, Part 2 ¶34); its paragraphs keep the same keys.
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

    /// <summary>The framework's letter form (<see cref="LetterForms"/>); a version stored without one is a letter of findings.</summary>
    public string Form { get; init; } = LetterForms.Findings;

    /// <summary>What answers the letter (<see cref="LetterResponses"/>): the statement of action or the action plan.</summary>
    public string ResponseToLetter { get; init; } = LetterResponses.StatementOfAction;

    /// <summary>
    /// The main findings arranged by the theme's focus areas (the five-themes overview), in the framework's order: one section
    /// per focus area a finding addresses, headed by the focus area. Findings that name none stay under "Main findings".
    /// A version stored before the sections has none.
    /// </summary>
    public IReadOnlyList<FocusAreaSection> FindingsByFocusArea { get; init; } = [];

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
        if (Form == LetterForms.StrengthsAndRecommendations)
        {
            Section("strength", LetterHeadings.KeyStrengths, Strengths);
            Section("priority", LetterHeadings.PriorityActions, AreasForPriorityAction);
            Section("improve", LetterHeadings.Recommendations, WhatNeedsToImprove);
        }
        else
        {
            Section("priority", LetterHeadings.PriorityActions, AreasForPriorityAction);
            Section("improve", LetterHeadings.Improve, WhatNeedsToImprove);
            Section("strength", LetterHeadings.Strengths, Strengths);
        }
        Section("main", LetterHeadings.Main, MainFindings);
        foreach (var section in FindingsByFocusArea) Section($"focus-{section.Code.ToLowerInvariant()}", section.Heading, section.Paragraphs);
        list.Add(new("next-steps", LetterHeadings.NextSteps, NextSteps.Describe(ResponseToLetter)));
        return list;
    }
}

public sealed record LetterParagraph(string Key, string? Heading, string Text);

/// <summary>The findings of one focus area of the theme (its code, FA1…, and its words as the heading).</summary>
public sealed record FocusAreaSection(string Code, string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>¶85: whether a written statement of proposed action is required, who leads it, who cooperates, when it is due.</summary>
public sealed record NextSteps(bool StatementRequired, string? LeadAgency, IReadOnlyList<string> CooperatingAgencies, DateOnly? DueOn)
{
    public string Describe(string response = LetterResponses.StatementOfAction)
    {
        if (response == LetterResponses.ActionPlan) return DescribeActionPlan();
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

    /// <summary>2015 consultation, Part 2 ¶34: the Ofsted-only inspection is answered by a post-inspection action plan.</summary>
    private string DescribeActionPlan()
    {
        if (!StatementRequired) return "Ofsted does not require a post-inspection action plan in response to this letter.";
        var cooperating = CooperatingAgencies.Count == 0 ? "" : $", working with {string.Join(", ", CooperatingAgencies.Select(AgencyNames.Of))}";
        var due = DueOn is { } d ? $" by {d:d MMMM yyyy}" : " within 70 working days of receiving the final letter";
        return $"{Capitalised(AgencyNames.Of(LeadAgency!))} should prepare a post-inspection action plan responding to the recommendations{due}{cooperating}.";
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
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
    public const string KeyStrengths = "Key strengths";
    public const string Recommendations = "Recommendations";
    public const string Main = "Main findings";
    public const string NextSteps = "Next steps";
}

public static class AgencyNames
{
    /// <summary>The agency as the letter names it in a sentence (the registry's words).</summary>
    public static string Of(string agency) => InspectorateRegistry.Current.Agency(agency)?.InLetter ?? agency;

    /// <summary>The inspectorate under a signatory's name and alone in a single-agency letter (the registry's words).</summary>
    public static string Inspectorate(string inspectorate) =>
        InspectorateRegistry.Current.IsInspectorate(inspectorate) ? InspectorateRegistry.Current.Inspectorate(inspectorate).LetterName : inspectorate;

    /// <summary>"Ofsted, the Care Quality Commission (CQC) and …": the inspectorates taking part, in full, as the letter opens.</summary>
    public static string InFull(IReadOnlyList<string> inspectorates)
    {
        var names = inspectorates.Select(i => InspectorateRegistry.Current.IsInspectorate(i) ? InspectorateRegistry.Current.Inspectorate(i).FullName : i).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }
}
