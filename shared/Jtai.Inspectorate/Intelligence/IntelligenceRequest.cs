using System.Text.RegularExpressions;
using Jtai.Contracts.Events;
using Jtai.Inspectorate.Evidence;
using Jtai.Calendar.WorkingDays;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Inspectorate.Intelligence;

public sealed record IntelligenceRequest(
    string? LocalAreaCode, string? LocalAreaName, string? Kind, string? Programme, string? What, DateOnly? ObservedOn, List<string?>? Agencies);

/// <summary>A request that passed validation, trimmed and normalised.</summary>
public sealed record ValidIntelligence(
    string LocalAreaCode, string LocalAreaName, string Kind, string Programme, string What, DateOnly ObservedOn, List<string> Agencies);

public static partial class IntelligenceValidation
{
    [GeneratedRegex("^[EW][0-9]{8}$")]
    private static partial Regex OnsAreaCode();

    public static bool IsAreaCode(string? code) => code is not null && OnsAreaCode().IsMatch(code);

    /// <summary>Every mistake named by its field; a titled name in the text is refused (¶76: people by role, never by name).</summary>
    public static (ValidIntelligence? Valid, RequestErrors Errors) Validate(IntelligenceRequest? request, IntelligenceProgrammes programmes, TimeProvider clock)
    {
        var errors = new RequestErrors();
        if (request is null) { errors.Add("body", "A JSON body is required."); return (null, errors); }
        var code = request.LocalAreaCode?.Trim().ToUpperInvariant();
        if (errors.Required(code, "localAreaCode") && !IsAreaCode(code))
            errors.Add("localAreaCode", "'localAreaCode' must be the local authority's ONS code, e.g. E08000025.");
        if (errors.Required(request.LocalAreaName, "localAreaName")) errors.MaxLength(request.LocalAreaName.Trim(), IntelligenceLimits.AreaName, "localAreaName");
        if (errors.Required(request.Kind, "kind")) errors.OneOf(request.Kind, IntelligenceKinds.All, "kind");
        if (errors.Required(request.Programme, "programme")) errors.OneOf(request.Programme, programmes.Keys, "programme");
        if (errors.Required(request.What, "what") && errors.MaxLength(request.What, IntelligenceLimits.What, "what")
            && Names.UnexplainedNamesIn(request.What, []) is { Count: > 0 } names)
            errors.Add("what", $"Refer to people by their role, not by name (¶76): {string.Join(", ", names)}.");
        if (errors.Required(request.ObservedOn, "observedOn") && request.ObservedOn.Value > LondonTime.Today(clock))
            errors.Add("observedOn", "'observedOn' is when the programme saw it: it cannot be in the future.");
        var agencies = new List<string>();
        var list = request.Agencies ?? [];
        for (var i = 0; i < list.Count; i++)
            if (errors.OneOf(list[i], Agencies.All, $"agencies[{i}]") && !agencies.Contains(list[i]!)) agencies.Add(list[i]!);
        if (errors.Any) return (null, errors);
        return (new ValidIntelligence(code!, request.LocalAreaName!.Trim(), request.Kind!, request.Programme!, request.What!.Trim(),
            request.ObservedOn!.Value, agencies), errors);
    }
}
