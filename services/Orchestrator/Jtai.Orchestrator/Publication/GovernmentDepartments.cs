namespace Jtai.Orchestrator.Publication;

/// <summary>
/// ¶110: the government departments the final letter goes to before publication (section
/// Letter:Departments): the Department for Education, the Department of Health and Social Care and the
/// Home Office answer for the three agencies inspected. Configuration, as their addresses can change.
/// </summary>
public sealed class GovernmentDepartmentsOptions
{
    public List<GovernmentDepartment> Departments { get; set; } = [];

    public GovernmentDepartment? Named(string name) =>
        Departments.FirstOrDefault(d => string.Equals(d.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)
                                        || string.Equals(d.Key, name.Trim(), StringComparison.OrdinalIgnoreCase));
}

public sealed class GovernmentDepartment
{
    /// <summary>A short stable key (dfe, dhsc, home-office): the delivery is "regarding" it.</summary>
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
}
