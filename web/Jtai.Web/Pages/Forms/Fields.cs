namespace Jtai.Web.Pages.Forms;

// What the GOV.UK form partials of Pages/Shared need to render one field.

/// <summary>A text input or textarea (<c>Rows</c> above 0): id, form name, label, value, error.</summary>
public sealed record TextField(string Id, string Name, string Label, string? Value, string? Error, string? Hint = null,
    string LabelSize = "s", int Rows = 0, string? Width = null, string Type = "text", bool LabelIsHeading = false);

public sealed record Choice(string Value, string Label, string? Hint = null);

/// <summary>Radios, or checkboxes when <c>Multiple</c>; inputs are numbered <c>{Id}-0</c>, <c>{Id}-1</c>… (errors link to the first).</summary>
public sealed record ChoiceField(string Id, string Name, string Legend, IReadOnlyList<Choice> Choices, IReadOnlyCollection<string> Selected,
    string? Error, string? Hint = null, bool Multiple = false, bool Inline = false, string LegendSize = "s", bool Small = false)
{
    public string Anchor => $"{Id}-0";
}

/// <summary>A select list with an empty first option.</summary>
public sealed record SelectField(string Id, string Name, string Label, IReadOnlyList<Choice> Choices, string? Selected, string? Error,
    string? Hint = null, string Empty = "Choose");

/// <summary>A GOV.UK date input: its id, form name, legend, hint, value and error (errors link to the day).</summary>
public sealed record DateField(string Id, string Name, string Legend, string? Hint, DateParts Value, string? Error)
{
    public string Anchor => $"{Id}-day";
}

/// <summary>The evaluation criteria of the inspection's own framework version, to choose from.</summary>
public sealed record CriteriaField(string Id, string Name, string Legend, string FrameworkName, int FrameworkVersion,
    IReadOnlyList<Choice> Criteria, IReadOnlyCollection<string> Selected, string? Error)
{
    public string Anchor => $"{Id}-0";
}
