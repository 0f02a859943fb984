using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Jtai.ServiceDefaults.Security;

/// <summary>
/// The identity of a remembered token, shared by every request that bears the token until it is
/// forgotten (<see cref="ValidatedTokenCache"/>): copying its claims for each request was about a tenth
/// of the gateway's allocations. Its claims cannot be added or removed, so a request cannot change what
/// the caller's next requests are given; code that needs to change them works on a <see cref="ClaimsIdentity.Clone"/>.
/// Claim types are compared case-sensitively, as in the identity the token handler builds.
/// </summary>
public sealed class RememberedIdentity : CaseSensitiveClaimsIdentity
{
    private const string Shared = "A remembered token's identity is shared by the caller's requests: change a Clone() of it instead.";

    // The same claims as the base class holds, in an array: they never change (below).
    private readonly Claim[] _claims;

    /// <summary>A copy of the validated identity (its claims, names of the name and role claims, authentication type).</summary>
    public RememberedIdentity(ClaimsIdentity validated) : base(validated) => _claims = [.. base.Claims];

    // Read as the base class reads them (claim types and values compared ordinally), without the closure, delegate
    // and enumerator it allocates for each call: every policy, rate limit and endpoint reads a claim or two per request.
    public override Claim? FindFirst(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        foreach (var claim in _claims)
            if (string.Equals(claim.Type, type, StringComparison.Ordinal)) return claim;
        return null;
    }

    public override bool HasClaim(string type, string value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        foreach (var claim in _claims)
            if (string.Equals(claim.Type, type, StringComparison.Ordinal) && string.Equals(claim.Value, value, StringComparison.Ordinal)) return true;
        return false;
    }

    public override void AddClaim(Claim claim) => throw new NotSupportedException(Shared);

    public override void AddClaims(IEnumerable<Claim?> claims) => throw new NotSupportedException(Shared);

    public override void RemoveClaim(Claim? claim) => throw new NotSupportedException(Shared);

    public override bool TryRemoveClaim(Claim? claim) => throw new NotSupportedException(Shared);
}
