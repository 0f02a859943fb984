using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jtai.ServiceDefaults.Security;

/// <summary>
/// Validates bearer tokens as the inner handler does (signature, issuer, audience, lifetime) and
/// remembers a valid one briefly by its SHA-256, so a caller's next requests skip the signature
/// check that dominates the gateway's cost per request. Nothing is weakened: only tokens that
/// passed full validation are remembered, a forged or altered token has another hash and is
/// validated in full, and a remembered token is forgotten at its expiry (no clock skew added), or
/// after the configured few seconds, whichever comes first, so a rotated key or an expired token
/// is refused again within that time at most.
/// </summary>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeSpan remember, TimeProvider clock) : TokenHandler
{
    private sealed record Validated(ClaimsIdentity Identity, SecurityToken Token, DateTime ValidTo);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public static ValidatedTokenCache Default(TimeSpan remember) =>
        new(new JsonWebTokenHandler { MapInboundClaims = false }, remember, TimeProvider.System);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var key = KeyOf(token);
        var now = clock.GetUtcNow().UtcDateTime;
        if (_cache.TryGetValue(key, out Validated? known) && known is not null && now < known.ValidTo)
            return new TokenValidationResult { IsValid = true, ClaimsIdentity = known.Identity.Clone(), SecurityToken = known.Token };

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.ClaimsIdentity is { } identity && result.SecurityToken is { } validated && remember > TimeSpan.Zero)
        {
            var until = now + remember;
            if (validated.ValidTo != DateTime.MinValue && validated.ValidTo < until) until = validated.ValidTo;
            _cache.Set(key, new Validated(identity.Clone(), validated, until), new MemoryCacheEntryOptions
            {
                AbsoluteExpiration = new DateTimeOffset(until, TimeSpan.Zero),
                Size = 1,
            });
        }
        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    /// <summary>The token's SHA-256 in hex, hashed from the stack (a token is a few hundred bytes; this runs on every request).</summary>
    private static string KeyOf(string token)
    {
        var most = Encoding.UTF8.GetMaxByteCount(token.Length);
        byte[]? rented = most > 8192 ? ArrayPool<byte>.Shared.Rent(most) : null;
        try
        {
            Span<byte> bytes = rented is null ? stackalloc byte[most] : rented;
            var length = Encoding.UTF8.GetBytes(token, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..length], hash);
            return Convert.ToHexString(hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
