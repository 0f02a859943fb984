using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;

namespace Jtai.Orchestrator.InformalConcerns;

public sealed record InformalConcernRequest(string? RaisedWith, string? Text) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(RaisedWith, "raisedWith")) errors.OneOf(RaisedWith, ConcernRecipients.All, "raisedWith");
        if (errors.Required(Text, "text")) errors.MaxLength(Text, InformalConcern.TextLength, "text");
    }
}

public sealed record ConcernResolutionRequest(string? Resolution) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Resolution, "resolution")) errors.MaxLength(Resolution, InformalConcern.TextLength, "resolution");
    }
}

/// <summary>The QA manager's discussion: its outcome, whether it resolved the concern, and the other inspectorates' QA managers who joined.</summary>
public sealed record ConcernDiscussionRequest(string? Outcome, bool? Resolved, List<string?>? QaManagersJoining) : IValidatedRequest
{
    /// <summary>Ofsted's QA manager holds the discussion; the others may join it (¶89).</summary>
    private static readonly IReadOnlyList<string> Joinable = [.. Inspectorates.All.Where(x => x != Inspectorates.Ofsted)];

    /// <summary>The QA managers joining, each once, in the order given.</summary>
    public IReadOnlyList<string> Joining => (QaManagersJoining ?? []).Select(x => x!).Distinct().ToList();

    public void Validate(RequestErrors errors)
    {
        if (errors.Required(Outcome, "outcome")) errors.MaxLength(Outcome, InformalConcern.TextLength, "outcome");
        errors.Required(Resolved, "resolved");
        var list = QaManagersJoining ?? [];
        for (var i = 0; i < list.Count; i++) errors.OneOf(list[i], Joinable, $"qaManagersJoining[{i}]");
    }
}
