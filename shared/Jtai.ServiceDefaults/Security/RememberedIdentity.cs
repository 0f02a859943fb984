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

    /// <summary>A copy of the validated identity (its claims, names of the name and role claims, authentication type).</summary>
    public RememberedIdentity(ClaimsIdentity validated) : base(validated) { }

    public override void AddClaim(Claim claim) => throw new NotSupportedException(Shared);

    public override void AddClaims(IEnumerable<Claim?> claims) => throw new NotSupportedException(Shared);

    public override void RemoveClaim(Claim? claim) => throw new NotSupportedException(Shared);

    public override bool TryRemoveClaim(Claim? claim) => throw new NotSupportedException(Shared);
}
