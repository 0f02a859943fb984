using System.Security.Claims;
using Jtai.ServiceDefaults.Security;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>A remembered token's identity is shared by its caller's requests: none of them may change it for the others.</summary>
public sealed class RememberedIdentityTests
{
    private static ClaimsIdentity Validated() =>
        new([new Claim(JtaiClaims.Subject, "jane"), new Claim(JtaiClaims.Role, "inspector"), new Claim(JtaiClaims.Name, "Jane")],
            "AuthenticationTypes.Federation", JtaiClaims.Name, JtaiClaims.Role);

    [Fact]
    public void It_holds_the_validated_claims_and_reads_names_and_roles_as_the_validated_identity_does()
    {
        var remembered = new RememberedIdentity(Validated());
        Assert.Equal(["jane", "inspector", "Jane"], remembered.Claims.Select(c => c.Value));
        Assert.All(remembered.Claims, c => Assert.Same(remembered, c.Subject));
        Assert.True(remembered.IsAuthenticated);
        Assert.Equal("Jane", remembered.Name);
        Assert.True(new ClaimsPrincipal(remembered).IsInRole("inspector"));
        Assert.Null(remembered.FindFirst("ROLE"));
    }

    [Fact]
    public void Its_claims_cannot_be_added_or_removed_but_a_clone_of_it_can_be_changed()
    {
        var remembered = new RememberedIdentity(Validated());
        var role = remembered.FindFirst(JtaiClaims.Role)!;
        Assert.Throws<NotSupportedException>(() => remembered.AddClaim(new Claim(JtaiClaims.Role, "operations")));
        Assert.Throws<NotSupportedException>(() => remembered.AddClaims([new Claim(JtaiClaims.Role, "operations")]));
        Assert.Throws<NotSupportedException>(() => remembered.RemoveClaim(role));
        Assert.Throws<NotSupportedException>(() => remembered.TryRemoveClaim(role));
        Assert.Equal(["inspector"], remembered.FindAll(JtaiClaims.Role).Select(c => c.Value));

        var copy = remembered.Clone();
        copy.AddClaim(new Claim(JtaiClaims.Role, "operations"));
        Assert.Equal(["inspector", "operations"], copy.FindAll(JtaiClaims.Role).Select(c => c.Value));
        Assert.Equal(["inspector"], remembered.FindAll(JtaiClaims.Role).Select(c => c.Value));
    }
}
