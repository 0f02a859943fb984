using System.Security.Claims;
using System.Text;
using Jtai.ServiceDefaults.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Jtai.Platform.Tests.Foundation;

/// <summary>Remembering validated tokens must not let an expired, altered or wrongly signed token through.</summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("a signing key of at least thirty-two bytes for HS256"));
    private static readonly SymmetricSecurityKey OtherKey = new(Encoding.UTF8.GetBytes("another signing key, also thirty-two bytes long!"));

    private static readonly TokenValidationParameters Parameters = new()
    {
        ValidIssuer = "https://issuer.test/",
        ValidAudience = AuthenticationSetup.Audience,
        IssuerSigningKey = Key,
        ClockSkew = TimeSpan.Zero,
    };

    private static string Token(DateTime expires, SecurityKey key, string role = "inspector") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://issuer.test/",
        Audience = AuthenticationSetup.Audience,
        Subject = new ClaimsIdentity([new Claim("sub", "jane"), new Claim("role", role)]),
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        Expires = expires,
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var cache = ValidatedTokenCache.Default(TimeSpan.FromMinutes(5));
        // A token's expiry is whole seconds; leave a loaded machine time to validate it twice before then.
        var expires = DateTime.UtcNow.AddSeconds(20);
        var token = Token(expires, Key);
        Assert.True((await cache.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.True((await cache.ValidateTokenAsync(token, Parameters)).IsValid);

        while (DateTime.UtcNow < expires.AddSeconds(1)) await Task.Delay(250);
        Assert.False((await cache.ValidateTokenAsync(token, Parameters)).IsValid);
    }

    [Fact]
    public async Task An_altered_or_wrongly_signed_token_is_refused_even_after_the_genuine_one_was_remembered()
    {
        var cache = ValidatedTokenCache.Default(TimeSpan.FromMinutes(5));
        var genuine = Token(DateTime.UtcNow.AddMinutes(10), Key);
        var remembered = await cache.ValidateTokenAsync(genuine, Parameters);
        Assert.True(remembered.IsValid);
        Assert.Equal("inspector", remembered.ClaimsIdentity.FindFirst("role")!.Value);

        var parts = genuine.Split('.');
        var payload = Base64UrlEncoder.Encode("""{"sub":"jane","role":"operations","iss":"https://issuer.test/","aud":"jtai-api"}""");
        Assert.False((await cache.ValidateTokenAsync($"{parts[0]}.{payload}.{parts[2]}", Parameters)).IsValid);
        Assert.False((await cache.ValidateTokenAsync(Token(DateTime.UtcNow.AddMinutes(10), OtherKey, "operations"), Parameters)).IsValid);
        Assert.True((await cache.ValidateTokenAsync(genuine, Parameters)).IsValid);
    }
}
