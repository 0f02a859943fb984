using Jtai.Calendar.Frameworks;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Programme;

/// <summary>The theme and year of a ranking or a programme: a theme with a framework, this year or the next two.</summary>
public static class ProgrammeYear
{
    public static void Validate(string? theme, int? year, DateOnly today, FrameworkCatalog frameworks, RequestErrors errors)
    {
        if (errors.Required(theme, "theme")) errors.OneOf(theme, frameworks.Keys, "theme");
        if (errors.Required(year, "year") && (year < today.Year || year > today.Year + 2))
            errors.Add("year", $"'year' is the programme's calendar year, from {today.Year} to {today.Year + 2}.");
    }
}

/// <summary>Ofsted proposes a theme's list for a year: the areas named, or the top of the ranking (<see cref="Size"/> of them).</summary>
public sealed record ProposeProgrammeRequest(string? Theme, int? Year, int? Size, List<string?>? Areas)
{
    /// <summary>About ten areas a year (programme note ¶6).</summary>
    public int ListSize => Size ?? Areas?.Count ?? 10;

    public RequestErrors Check(DateOnly today, FrameworkCatalog frameworks)
    {
        var errors = new RequestErrors();
        ProgrammeYear.Validate(Theme, Year, today, frameworks, errors);
        if (ListSize is < 1 or > 30) errors.Add("size", "'size' must be between 1 and 30 areas.");
        return errors;
    }

    /// <summary>The candidates the request names (each once), or the top of the ranking; the errors name each area that is not a candidate.</summary>
    public List<Candidate> Choose(IReadOnlyList<Candidate> ranked, out RequestErrors errors)
    {
        errors = new RequestErrors();
        if (Areas is not { } named)
        {
            if (ranked.Count < ListSize) errors.Add("size", $"There are {ranked.Count} candidate areas, fewer than {ListSize}.");
            return ranked.Take(ListSize).ToList();
        }
        var chosen = new List<Candidate>();
        for (var i = 0; i < named.Count; i++)
        {
            var code = named[i]?.Trim().ToUpperInvariant();
            if (ranked.FirstOrDefault(c => c.LocalAreaCode == code) is not { } candidate)
                errors.Add($"areas[{i}]", $"'{named[i]}' is not a candidate: the platform holds no intelligence or inspection of it.");
            else if (chosen.Contains(candidate)) errors.Add($"areas[{i}]", $"{candidate.LocalAreaName} is named twice.");
            else chosen.Add(candidate);
        }
        if (named.Count == 0) errors.Add("areas", "Name at least one area, or leave 'areas' out to take the top of the ranking.");
        if (Size is { } s && s != named.Count) errors.Add("size", $"'size' is {s} but {named.Count} areas are named.");
        return chosen;
    }
}

public sealed record OfferedInspector(string? UserId, string? Name, string? TeamRole);

/// <summary>The people an inspectorate offers for the programme's fieldwork, each in one of its team roles in the framework.</summary>
public sealed record OfferInspectorsRequest(List<OfferedInspector?>? Inspectors)
{
    public const int NameLength = 200;

    public List<ProgrammeInspector> Check(Guid programmeId, string inspectorate, IReadOnlyList<string> roles, out RequestErrors errors)
    {
        errors = new RequestErrors();
        var offered = new List<ProgrammeInspector>();
        var list = Inspectors ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"inspectors[{i}]";
            if (list[i] is not { } person) { errors.Add(at, "An inspector is required."); continue; }
            var ok = errors.Required(person.UserId, $"{at}.userId") & errors.Required(person.Name, $"{at}.name");
            ok &= errors.MaxLength(person.UserId, NameLength, $"{at}.userId") & errors.MaxLength(person.Name, NameLength, $"{at}.name");
            ok &= errors.Required(person.TeamRole, $"{at}.teamRole") && errors.OneOf(person.TeamRole, roles, $"{at}.teamRole");
            if (ok && offered.Any(o => o.UserId == person.UserId!.Trim())) { errors.Add($"{at}.userId", "Each person is offered once, in one team role."); ok = false; }
            if (ok) offered.Add(new ProgrammeInspector
            {
                ProgrammeId = programmeId, Inspectorate = inspectorate, UserId = person.UserId!.Trim(), Name = person.Name!.Trim(), TeamRole = person.TeamRole!,
            });
        }
        return offered;
    }
}
