using System.Security.Claims;
using Jtai.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>
/// A remembered token's identity is shared by its caller's requests: none of them may change it for the others. It
/// answers every claim question as the identity the token handler built: it reads its claims its own way (without
/// allocating), so it is compared with that identity on the same claims.
/// </summary>
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

    private static readonly Claim[] Claims =
    [
        new("sub", "jane"), new("role", "inspector"), new("role", "lead-inspector"), new("inspectorate", "ofsted"),
        new("Role", "operations"), new("local_area", ""),
    ];

    private static CaseSensitiveClaimsIdentity ValidatedByHandler() => new(Claims, "AuthenticationTypes.Federation", "name", "role");

    [Theory]
    [InlineData("sub")]
    [InlineData("role")]
    [InlineData("Role")]
    [InlineData("ROLE")]
    [InlineData("inspectorate")]
    [InlineData("local_area")]
    [InlineData("agency")]
    public void Finds_the_first_claim_of_a_type_as_the_validated_identity_does(string type)
    {
        var remembered = new RememberedIdentity(ValidatedByHandler());
        var expected = ValidatedByHandler().FindFirst(type);
        Assert.Equal((expected?.Type, expected?.Value), (remembered.FindFirst(type)?.Type, remembered.FindFirst(type)?.Value));
        Assert.Equal(expected?.Value, new ClaimsPrincipal(remembered).FindFirst(type)?.Value);
    }

    [Theory]
    [InlineData("role", "inspector")]
    [InlineData("role", "lead-inspector")]
    [InlineData("role", "Inspector")]
    [InlineData("role", "operations")]
    [InlineData("Role", "operations")]
    [InlineData("ROLE", "operations")]
    [InlineData("local_area", "")]
    [InlineData("sub", "jan")]
    public void Has_a_claim_exactly_when_the_validated_identity_has_it(string type, string value)
    {
        var remembered = new RememberedIdentity(ValidatedByHandler());
        Assert.Equal(ValidatedByHandler().HasClaim(type, value), remembered.HasClaim(type, value));
        Assert.Equal(ValidatedByHandler().HasClaim(type, value), new ClaimsPrincipal(remembered).HasClaim(type, value));
    }

    [Fact]
    public void A_missing_claim_type_or_value_is_refused_as_the_validated_identity_refuses_it()
    {
        var remembered = new RememberedIdentity(ValidatedByHandler());
        Assert.Throws<ArgumentNullException>(() => remembered.FindFirst((string)null!));
        Assert.Throws<ArgumentNullException>(() => remembered.HasClaim(null!, "inspector"));
        Assert.Throws<ArgumentNullException>(() => remembered.HasClaim("role", null!));
    }
}
