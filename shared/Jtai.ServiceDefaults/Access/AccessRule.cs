namespace Jtai.ServiceDefaults.Access;

/// <summary>What a rule answers for one caller: let them through, or refuse with 401, 403 or 404.</summary>
public enum AccessDecision
{
    Allowed,
    /// <summary>401: no valid token.</summary>
    Unauthenticated,
    /// <summary>403: the caller is known and may see the inspection, but may not do this.</summary>
    Forbidden,
    /// <summary>404: the inspection is unknown here, or hidden from this caller (another area's, or not yet notified).</summary>
    Concealed,
}

/// <summary>
/// Who may call one endpoint, declared where it is mapped (<see cref="AccessEndpoints.RequireStanding{TBuilder}"/>).
/// A rule is a predicate on the caller's <see cref="Standing"/>; the decision around it is the same
/// for every rule: no token is 401; on an inspection the service does not know, or one a partner may
/// not see, 404 (an absent inspection and a hidden one look alike); otherwise the predicate, or 403.
/// </summary>
public sealed class AccessRule
{
    private readonly Func<Standing, bool> _allows;

    public AccessRule(string name, string says, Func<Standing, bool> allows, bool onInspection = false, bool isPublic = false)
    {
        if (isPublic && onInspection) throw new ArgumentException("A public rule cannot depend on an inspection.", nameof(onInspection));
        Name = name;
        Says = says;
        _allows = allows;
        OnInspection = onInspection;
        IsPublic = isPublic;
    }

    /// <summary>Short kebab-case name (logs, spans, the access matrix).</summary>
    public string Name { get; }
    /// <summary>Who may, in words.</summary>
    public string Says { get; }
    /// <summary>The rule looks at the caller's standing on the inspection the route names ({inspectionId}).</summary>
    public bool OnInspection { get; }
    /// <summary>No token needed.</summary>
    public bool IsPublic { get; }

    public AccessDecision Decide(Standing standing)
    {
        if (IsPublic) return AccessDecision.Allowed;
        if (standing.Kind == CallerKind.None) return AccessDecision.Unauthenticated;
        if (OnInspection)
        {
            if (standing.Inspection is null) return AccessDecision.Concealed;
            if (standing.IsPartner && !standing.PartnerSeesInspection) return AccessDecision.Concealed;
        }
        return _allows(standing) ? AccessDecision.Allowed : AccessDecision.Forbidden;
    }

    /// <summary>Either rule's callers (the stricter handling of the inspection applies if either needs it).</summary>
    public AccessRule Or(AccessRule other, string? name = null, string? says = null) =>
        new(name ?? $"{Name}-or-{other.Name}", says ?? $"{Says}; or {other.Says}",
            s => _allows(s) || other._allows(s), OnInspection || other.OnInspection);

    public override string ToString() => Name;
}

/// <summary>The rule an endpoint declared (endpoint metadata).</summary>
public sealed record AccessRuleMetadata(AccessRule Rule);
