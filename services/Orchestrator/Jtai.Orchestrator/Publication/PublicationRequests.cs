using Jtai.ServiceDefaults.Security;
using Jtai.Orchestrator.Letter;
using Jtai.ServiceDefaults.Problems;

namespace Jtai.Orchestrator.Publication;

/// <summary>The departments are named as configured (<see cref="GovernmentDepartmentsOptions"/>), so the endpoint passes them in.</summary>
public sealed record DepartmentsRequest(List<string?>? Departments)
{
    public RequestErrors Check(GovernmentDepartmentsOptions known, out List<GovernmentDepartment> departments)
    {
        var errors = new RequestErrors();
        departments = [];
        var names = string.Join(", ", known.Departments.Select(d => d.Name));
        if (Departments is not { Count: > 0 }) errors.Add("departments", $"Name the government departments the final letter goes to: {names}.");
        else
            for (var i = 0; i < Departments.Count; i++)
            {
                if (!errors.Required(Departments[i], $"departments[{i}]")) continue;
                if (known.Named(Departments[i]!) is not { } department)
                    errors.Add($"departments[{i}]", $"'{Departments[i]}' is not a government department the letter goes to; they are: {names}.");
                else if (!departments.Contains(department)) departments.Add(department);
            }
        return errors;
    }
}

/// <summary>¶121: who decided, why, with which other inspectorates it was discussed, or that it was urgent (they are advised after).</summary>
public sealed record WithdrawalRequest(string? DecidedBy, string? Reason, List<string?>? DiscussedWith = null, bool? Urgent = null) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(DecidedBy, "decidedBy")) errors.MaxLength(DecidedBy, InspectionLetter.NameLength, "decidedBy");
        if (errors.Required(Reason, "reason")) errors.MaxLength(Reason, InspectionLetter.WithdrawalReasonLength, "reason");
    }

    /// <summary>The other inspectorates taking part come from the inspection's framework, so the endpoint passes them in.</summary>
    public RequestErrors Check(IReadOnlyList<string> others, out List<string> discussed)
    {
        var errors = new RequestErrors();
        discussed = [];
        var list = DiscussedWith ?? [];
        for (var i = 0; i < list.Count; i++)
            if (errors.OneOf(list[i], others, $"discussedWith[{i}]") && !discussed.Contains(list[i]!)) discussed.Add(list[i]!);
        if (Urgent != true && others.Except(discussed).ToList() is { Count: > 0 } missing)
            errors.Add("discussedWith", $"The National Director decides a withdrawal in discussion with the other inspectorates (¶121): {string.Join(" and ", missing)} not listed. If the decision is urgent and a discussion is not possible, send \"urgent\": true and advise them after.");
        return errors;
    }
}

public sealed record WithdrawalAdvisedRequest(string? Inspectorate) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Inspectorate, "inspectorate")) errors.OneOf(Inspectorate, Inspectorates.All, "inspectorate");
    }
}
