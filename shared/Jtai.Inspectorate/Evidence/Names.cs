using System.Text.RegularExpressions;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Inspectorate.Evidence;

public sealed record PersonInput(string? CaseReference, string? Initials, DateOnly? DateOfBirth, string? Role, string? Name, string? NameReason);

/// <summary>
/// Data minimisation (¶76), as pure functions: people are referred to by case reference, initials,
/// date of birth and role; a full name needs a recorded reason; removing names strips them from
/// the person references and from the text, leaving the initials.
/// </summary>
public static partial class Names
{
    public const string Removed = "[name removed]";

    // A titled name ("Mr Smith", "Mrs J. Patel", "Dr Anna Lee") is the one shape of a personal name
    // that can be told from prose without false alarms on "Children Act" or "Social Care".
    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z]\.\s*)?[A-Z][a-zA-Z'\-]+(?:\s+[A-Z][a-zA-Z'\-]+)?")]
    private static partial Regex TitledName();

    [GeneratedRegex(@"^[A-Z]{1,4}$")]
    private static partial Regex InitialsShape();

    public static List<PersonReference> Validate(IReadOnlyList<PersonInput?>? people, RequestErrors errors, string field = "people")
    {
        var result = new List<PersonReference>();
        if (people is null) return result;
        for (var i = 0; i < people.Count; i++)
        {
            var at = $"{field}[{i}]";
            if (people[i] is not { } p) { errors.Add(at, $"'{at}' must be an object."); continue; }
            var initials = p.Initials is null ? null : new string(p.Initials.Where(char.IsLetter).ToArray()).ToUpperInvariant();
            if (string.IsNullOrWhiteSpace(p.CaseReference) && string.IsNullOrEmpty(initials) && p.DateOfBirth is null && string.IsNullOrWhiteSpace(p.Role))
                errors.Add(at, "Refer to a person by case reference, initials, date of birth or job title/role (¶76).");
            if (p.Initials is not null && !InitialsShape().IsMatch(initials ?? ""))
                errors.Add($"{at}.initials", "'initials' must be one to four letters, e.g. \"J.S.\".");
            errors.MaxLength(p.CaseReference, 50, $"{at}.caseReference");
            errors.MaxLength(p.Role, 100, $"{at}.role");
            errors.MaxLength(p.Name, 200, $"{at}.name");
            errors.MaxLength(p.NameReason, 500, $"{at}.nameReason");
            var hasName = !string.IsNullOrWhiteSpace(p.Name);
            if (hasName && string.IsNullOrWhiteSpace(p.NameReason))
                errors.Add($"{at}.nameReason", "A full name may be recorded only with the reason it is needed to connect evidence across agencies (¶76).");
            if (!hasName && !string.IsNullOrWhiteSpace(p.NameReason))
                errors.Add($"{at}.name", "'nameReason' was given without a 'name'.");
            result.Add(new PersonReference(p.CaseReference?.Trim(), string.IsNullOrEmpty(initials) ? null : initials, p.DateOfBirth,
                p.Role?.Trim(), hasName ? p.Name!.Trim() : null, hasName ? p.NameReason?.Trim() : null));
        }
        return result;
    }

    /// <summary>Titled names in the text that no listed person accounts for with a recorded reason.</summary>
    public static IReadOnlyList<string> UnexplainedNamesIn(string text, IEnumerable<PersonReference> people)
    {
        var named = people.Where(p => p.Name is not null && p.NameReason is not null).ToList();
        return TitledName().Matches(text).Select(m => m.Value)
            .Where(found => !named.Any(p => NameParts(p.Name!).Any(part => found.Contains(part, StringComparison.OrdinalIgnoreCase))))
            .Distinct()
            .ToList();
    }

    /// <summary>Strips every recorded name from the people and the text; true when anything changed.</summary>
    public static bool Strip(ref string text, ref List<PersonReference> people)
    {
        var original = text;
        var changed = false;
        foreach (var person in people.Where(p => p.Name is not null).OrderByDescending(p => p.Name!.Length))
        {
            var replacement = person.Initials ?? Removed;
            text = Regex.Replace(text, Regex.Escape(person.Name!), replacement, RegexOptions.IgnoreCase);
        }
        // A titled name left in the text ("Mrs Patel") goes too, whether or not it was listed.
        var listed = people;
        text = TitledName().Replace(text, m =>
        {
            var person = listed.FirstOrDefault(p => p.Name is not null && NameParts(p.Name).Any(part => m.Value.Contains(part, StringComparison.OrdinalIgnoreCase)));
            return person?.Initials ?? Removed;
        });
        if (people.Any(p => p.Name is not null || p.NameReason is not null))
        {
            people = people.Select(p => p with { Name = null, NameReason = null }).ToList();
            changed = true;
        }
        return changed || !string.Equals(original, text, StringComparison.Ordinal);
    }

    private static IEnumerable<string> NameParts(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length >= 2);
}
