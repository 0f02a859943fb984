using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Jtai.ServiceDefaults.Security;

/// <summary>
/// Remembers, by its SHA-256, a bearer token that passed the JWT bearer handler's full validation
/// (signature, issuer, audience, lifetime), so that a caller's next requests are authenticated from
/// it (by <see cref="RememberedTokenMiddleware"/>) before ASP.NET Core's authentication prepares a
/// validation at all (a request scope, a handler, a copy of its validation parameters, the token
/// handlers, the validated-token event): on the gateway that preparation, not the signature check
/// alone, was most of authentication's cost per request. One instance per process (a singleton).
/// Nothing is weakened: only tokens
/// that passed full validation are remembered, a forged or altered token has another hash and is
/// validated in full, and a remembered token is forgotten at its expiry (no clock skew added) or
/// after the configured few seconds, whichever comes first, so a rotated key or an expired token
/// is refused again within that time at most.
/// </summary>
public sealed class ValidatedTokenCache(TimeSpan remember, TimeProvider clock)
{
    private sealed record Validated(RememberedIdentity Identity, DateTimeOffset? IssuedUtc, DateTimeOffset? ExpiresUtc, DateTime Until);

    private const string Bearer = "Bearer ";

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    /// <summary>
    /// The handler's events: recall before validating (for a caller of the handler that
    /// <see cref="RememberedTokenMiddleware"/> did not answer already), remember what validated.
    /// </summary>
    public JwtBearerEvents Events() => new()
    {
        OnMessageReceived = context =>
        {
            if (Recall(context.Request.Headers.Authorization.ToString()) is { } known)
            {
                context.Principal = known.Principal;
                context.Properties = known.Properties;
                context.Success();
            }
            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            if (context.SecurityToken is JsonWebToken { EncodedToken: { } token } validated && context.Principal?.Identity is ClaimsIdentity identity)
                Remember(token, identity, validated.ValidFrom, validated.ValidTo);
            return Task.CompletedTask;
        },
    };

    /// <summary>
    /// The principal and ticket properties of the remembered token in an "Authorization: Bearer ..." header, as
    /// the handler builds them from a token it validated (a principal of the shared, unchangeable identity; the
    /// token's issue and expiry times); null when the header holds no token or one not remembered.
    /// </summary>
    public (ClaimsPrincipal Principal, AuthenticationProperties Properties)? Recall(string authorization) =>
        Recall(TokenOf(authorization)) is { } known
            ? (new ClaimsPrincipal(known.Identity), new AuthenticationProperties { IssuedUtc = known.IssuedUtc, ExpiresUtc = known.ExpiresUtc })
            : null;

    private Validated? Recall(ReadOnlySpan<char> token) =>
        !token.IsEmpty && _cache.TryGetValue(KeyOf(token), out Validated? known) && known is not null && clock.GetUtcNow().UtcDateTime < known.Until
            ? known
            : null;

    private void Remember(string token, ClaimsIdentity identity, DateTime validFrom, DateTime validTo)
    {
        if (remember <= TimeSpan.Zero) return;
        var until = clock.GetUtcNow().UtcDateTime + remember;
        if (validTo != DateTime.MinValue && validTo < until) until = validTo;
        // A copy: later handlers of this request may add claims to the one they were given.
        _cache.Set(KeyOf(token), new Validated(new RememberedIdentity(identity), Safe(validFrom), Safe(validTo), until), new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = new DateTimeOffset(until, TimeSpan.Zero),
            Size = 1,
        });
    }

    /// <summary>A token's time as the handler puts it in the ticket's properties: none when the token has none.</summary>
    private static DateTimeOffset? Safe(DateTime time) => time == DateTime.MinValue ? null : new DateTimeOffset(time, TimeSpan.Zero);

    /// <summary>The token of an "Authorization: Bearer ..." header, as the handler reads it (none: empty), without copying it.</summary>
    private static ReadOnlySpan<char> TokenOf(string authorization) =>
        authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization.AsSpan(Bearer.Length).Trim() : [];

    /// <summary>The token's SHA-256 in hex, hashed from the stack (a token is a few hundred bytes; this runs on every request).</summary>
    private static string KeyOf(ReadOnlySpan<char> token)
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
