using Jtai.Calendar.Frameworks;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Orchestrator.Letter;

/// <summary>Validation of the letter's parts, naming the field of each mistake.</summary>
public static class LetterValidation
{
    public const int MaxParagraph = 5_000;

    public static NextSteps? NextSteps(NextStepsRequest? request, RequestErrors errors, DateOnly? dueOn = null)
    {
        if (request is null) { errors.Add("nextSteps", "'nextSteps' is required."); return null; }
        if (!errors.Required(request.StatementRequired, "nextSteps.statementRequired")) return null;
        if (request.StatementRequired == false)
        {
            if (request.LeadAgency is not null || request.CooperatingAgencies is { Count: > 0 })
                errors.Add("nextSteps.leadAgency", "No agency leads or cooperates when no statement of action is required.");
            return new NextSteps(false, null, [], null);
        }
        var ok = errors.Required(request.LeadAgency, "nextSteps.leadAgency") && errors.OneOf(request.LeadAgency, Agencies.All, "nextSteps.leadAgency");
        var cooperating = new List<string>();
        var list = request.CooperatingAgencies ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (!errors.OneOf(list[i], Agencies.All, $"nextSteps.cooperatingAgencies[{i}]")) { ok = false; continue; }
            if (list[i] == request.LeadAgency) { errors.Add($"nextSteps.cooperatingAgencies[{i}]", "The lead agency does not also cooperate."); ok = false; }
            else if (!cooperating.Contains(list[i]!)) cooperating.Add(list[i]!);
        }
        return ok ? new NextSteps(true, request.LeadAgency, cooperating, dueOn) : null;
    }

    public static Addressees? Addressees(AddresseesRequest? request, RequestErrors errors)
    {
        if (request is null) { errors.Add("addressees", "'addressees' is required: the DCS, ICB, police, MASA chair and independent scrutineer (¶77)."); return null; }
        var ok = Name(request.Dcs, "addressees.dcs", errors) & Name(request.Icb, "addressees.icb", errors) & Name(request.Police, "addressees.police", errors)
                 & Name(request.MasaChair, "addressees.masaChair", errors) & Name(request.IndependentScrutineer, "addressees.independentScrutineer", errors);
        // The letter is delivered to each of them (¶82–83): without an address it could only be "sent" on paper.
        ok &= Email(request.DcsEmail, "addressees.dcsEmail", errors) & Email(request.IcbEmail, "addressees.icbEmail", errors)
              & Email(request.PoliceEmail, "addressees.policeEmail", errors) & Email(request.MasaChairEmail, "addressees.masaChairEmail", errors)
              & Email(request.IndependentScrutineerEmail, "addressees.independentScrutineerEmail", errors);
        return ok ? new Addressees(request.Dcs!.Trim(), request.Icb!.Trim(), request.Police!.Trim(), request.MasaChair!.Trim(), request.IndependentScrutineer!.Trim(),
            request.DcsEmail!.Trim(), request.IcbEmail!.Trim(), request.PoliceEmail!.Trim(), request.MasaChairEmail!.Trim(), request.IndependentScrutineerEmail!.Trim()) : null;
    }

    /// <summary>One signatory for each inspectorate taking part, in the framework's order, and for no other (¶77; Ofsted alone in an Ofsted-only letter).</summary>
    public static IReadOnlyList<Signatory>? Signatories(List<SignatoryRequest?>? request, IReadOnlyList<string> takingPart, RequestErrors errors)
    {
        if (request is null) { errors.Add("signatories", "'signatories' is required: one per inspectorate taking part."); return null; }
        var result = new List<Signatory>();
        for (var i = 0; i < request.Count; i++)
        {
            var s = request[i];
            if (s is null) { errors.Add($"signatories[{i}]", "A signatory is required."); continue; }
            var ok = errors.Required(s.Inspectorate, $"signatories[{i}].inspectorate") && errors.OneOf(s.Inspectorate, Inspectorates.All, $"signatories[{i}].inspectorate");
            if (ok && !takingPart.Contains(s.Inspectorate!))
            {
                errors.Add($"signatories[{i}].inspectorate", $"'{s.Inspectorate}' does not take part in this inspection: the letter is signed for {string.Join(", ", takingPart)}.");
                ok = false;
            }
            ok &= Name(s.Name, $"signatories[{i}].name", errors) & Name(s.Title, $"signatories[{i}].title", errors);
            if (ok && result.Any(r => r.Inspectorate == s.Inspectorate)) { errors.Add($"signatories[{i}].inspectorate", "One signatory per inspectorate."); ok = false; }
            if (ok) result.Add(new Signatory(s.Inspectorate!, s.Name!.Trim(), s.Title!.Trim()));
        }
        foreach (var missing in takingPart.Where(x => request.All(s => s?.Inspectorate != x)))
            errors.Add("signatories", $"The letter is signed for each inspectorate taking part: {missing} has no signatory.");
        return result.Count == takingPart.Count ? takingPart.Select(x => result.Single(r => r.Inspectorate == x)).ToList() : null;
    }

    /// <summary>
    /// The sections of the focus areas given (by code: FA1…), each replacing that section; an empty list removes it. Sections
    /// keep the framework's order whatever the request's.
    /// </summary>
    public static IReadOnlyList<FocusAreaSection>? FocusAreaSections(Dictionary<string, List<string?>?>? request, IReadOnlyList<FocusAreaSection> current,
        IReadOnlyList<FocusArea> areas, RequestErrors errors)
    {
        if (request is null) return null;
        var replaced = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (code, paragraphs) in request)
        {
            var field = $"findingsByFocusArea.{code}";
            if (areas.All(a => a.Code != code))
            {
                errors.Add(field, $"'{code}' is not a focus area of this inspection's theme ({string.Join(", ", areas.Select(a => a.Code))}).");
                continue;
            }
            if (Paragraphs(paragraphs ?? [], field, errors) is { } list) replaced[code] = list;
        }
        return areas
            .Select(a => new FocusAreaSection(a.Code, a.Heading,
                replaced.TryGetValue(a.Code, out var given) ? given : current.FirstOrDefault(s => s.Code == a.Code)?.Paragraphs ?? []))
            .Where(s => s.Paragraphs.Count > 0).ToList();
    }

    public static IReadOnlyList<string>? Paragraphs(List<string?>? request, string field, RequestErrors errors, bool required = false)
    {
        if (request is null) return null;
        if (required && request.Count == 0) errors.Add(field, $"'{field}' needs at least one paragraph.");
        var list = new List<string>();
        for (var i = 0; i < request.Count; i++)
            if (errors.Required(request[i], $"{field}[{i}]") && errors.MaxLength(request[i], MaxParagraph, $"{field}[{i}]")) list.Add(request[i]!.Trim());
        return list;
    }

    private static bool Name(string? value, string field, RequestErrors errors) =>
        errors.Required(value, field) && errors.MaxLength(value, 200, field);

    private static bool Email(string? value, string field, RequestErrors errors)
    {
        if (!errors.Required(value, field)) return false;
        if (value!.Length <= 320 && System.Net.Mail.MailAddress.TryCreate(value.Trim(), out _)) return true;
        errors.Add(field, $"'{field}' must be an email address.");
        return false;
    }
}
