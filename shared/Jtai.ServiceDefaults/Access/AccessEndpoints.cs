using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Jtai.ServiceDefaults.Access;

public static class AccessEndpoints
{
    /// <summary>
    /// Declares who may call this endpoint (or every endpoint of a group). The rule is the service's
    /// whole decision: the endpoint takes no other authorization metadata, and a service with an
    /// endpoint that declares no rule refuses to start (<see cref="DeclaredRulesCheck"/>).
    /// </summary>
    public static TBuilder RequireStanding<TBuilder>(this TBuilder builder, AccessRule rule) where TBuilder : IEndpointConventionBuilder
    {
        // The rule decides 401 too (the fallback policy would otherwise answer first, with no rule named).
        builder.AllowAnonymous();
        builder.Add(b =>
        {
            // An endpoint's own rule replaces its group's.
            for (var i = b.Metadata.Count - 1; i >= 0; i--)
                if (b.Metadata[i] is AccessRuleMetadata) b.Metadata.RemoveAt(i);
            b.Metadata.Add(new AccessRuleMetadata(rule));
        });
        return builder;
    }

    /// <summary>The rule an endpoint declared, if any (the last one wins: an endpoint's own over its group's).</summary>
    public static AccessRule? DeclaredRule(this Endpoint endpoint) => endpoint.Metadata.GetMetadata<AccessRuleMetadata>()?.Rule;
}
