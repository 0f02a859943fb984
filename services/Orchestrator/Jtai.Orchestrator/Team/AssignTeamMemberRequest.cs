using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Orchestrator.Team;

public sealed record AssignTeamMemberRequest(string? Name, string? Inspectorate, string? TeamRole)
{
    /// <summary>
    /// The place's form with the person it is for (the route's userId, their token subject): checked by the
    /// handler, as the user id is not part of the body.
    /// </summary>
    public RequestErrors CheckFor(string userId)
    {
        var errors = new RequestErrors();
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > TeamAssignment.UserIdLength)
            errors.Add("userId", $"'userId' must be the person's token subject (at most {TeamAssignment.UserIdLength} characters).");
        if (errors.Required(Name, "name")) errors.MaxLength(Name, TeamAssignment.NameLength, "name");
        if (errors.Required(Inspectorate, "inspectorate")) errors.OneOf(Inspectorate, Inspectorates.All, "inspectorate");
        if (errors.Required(TeamRole, "teamRole")) errors.OneOf(TeamRole, TeamAssignment.TeamRoles, "teamRole");
        return errors;
    }
}
