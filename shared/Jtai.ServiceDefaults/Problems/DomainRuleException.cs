namespace Jtai.ServiceDefaults.Problems;

/// <summary>
/// A request that is well formed but breaks a rule of the process (an illegal transition, a
/// deadline passed). Mapped to 409 with the rule's name, so the caller knows which rule.
/// </summary>
public class DomainRuleException(string rule, string detail, int statusCode = 409) : Exception(detail)
{
    public string Rule { get; } = rule;
    public int StatusCode { get; } = statusCode;
    /// <summary>Facts the caller needs to act on the refusal (a window's dates), added to the problem as extensions.</summary>
    public IReadOnlyDictionary<string, object?> Facts { get; init; } = new Dictionary<string, object?>();
}
