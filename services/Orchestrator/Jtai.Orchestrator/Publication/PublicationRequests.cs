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

public sealed record WithdrawalRequest(string? DecidedBy, string? Reason) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(DecidedBy, "decidedBy")) errors.MaxLength(DecidedBy, InspectionLetter.NameLength, "decidedBy");
        if (errors.Required(Reason, "reason")) errors.MaxLength(Reason, InspectionLetter.WithdrawalReasonLength, "reason");
    }
}
