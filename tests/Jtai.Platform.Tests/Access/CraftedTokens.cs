using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Jtai.Platform.Tests.Access;

/// <summary>
/// Tokens an attacker might present: an expired one signed with the issuer's real key, one re-signed
/// with another key, one declaring no algorithm, and one that is not a token at all.
/// </summary>
public static class CraftedTokens
{
    public const string Malformed = "not-a-token";

    public static string Expired(Testing.Platform platform, string realToken)
    {
        var options = platform.Services("gateway").GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var signing = options.SigningCredentials.First();
        var real = new JsonWebToken(realToken);
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = real.Issuer,
            Audience = real.Audiences.First(),
            Subject = new ClaimsIdentity(real.Claims.Where(c => c.Type is "sub" or "role" or "inspectorate" or "name")),
            IssuedAt = now.AddHours(-2),
            NotBefore = now.AddHours(-2),
            Expires = now.AddHours(-1),
            SigningCredentials = signing,
            TokenType = real.Typ,
        });
    }

    /// <summary>The real header and claims, signed by a key the issuer never had.</summary>
    public static string WrongSignature(string realToken)
    {
        var parts = realToken.Split('.');
        using var rsa = RSA.Create(2048);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>The real claims under a header declaring no algorithm, and no signature.</summary>
    public static string AlgNone(string realToken)
    {
        var parts = realToken.Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""");
        return $"{header}.{parts[1]}.";
    }
}
