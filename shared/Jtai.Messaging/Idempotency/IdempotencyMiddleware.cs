using System.Security.Cryptography;
using System.Text;
using Jtai.Messaging.Data;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jtai.Messaging.Idempotency;

/// <summary>
/// Idempotent writes for callers who retry after a lost answer (partners' systems, staff on a poor
/// connection): a POST, PUT, PATCH or DELETE with an Idempotency-Key runs in one transaction that
/// first claims (caller, key) and finally stores the answer. A repeat within the window gets the
/// first answer (with Idempotent-Replayed: true) and changes nothing; a repeat sent while the first
/// is still running waits on the key and then gets its answer; the same key with another request is a
/// 422. A request that fails (an exception, a 5xx) rolls back its effect and its claim together, so
/// the caller's retry runs afresh. Runs after authentication and the endpoint's access rule: a
/// refused caller claims nothing.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IOptions<IdempotencyOptions> options, TimeProvider clock,
    ILogger<IdempotencyMiddleware> logger)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)
              || HttpMethods.IsDelete(request.Method))
            || !request.Headers.TryGetValue(Header, out var values)
            || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }
        var key = values.Count == 1 ? values[0] ?? "" : "";
        if (key.Length is 0 or > 255 || key.Any(char.IsControl))
        {
            await Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [Header] = ["Send one key of 1 to 255 printable characters (a UUID is usual)."],
            }).ExecuteAsync(context);
            return;
        }

        var ct = context.RequestAborted;
        var caller = context.User.Id();
        var fingerprint = await Fingerprint(request, ct);
        var db = context.RequestServices.GetRequiredService<MessagingDbContext>();
        var now = clock.GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A key older than the window is forgotten; then the claim. A repeat arriving while the first
        // is still running blocks on the key here until the first commits (or rolls back and frees it).
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotent_requests WHERE caller = {caller} AND key = {key} AND created_at < {now - options.Value.Window}", ct);
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotent_requests (caller, key, fingerprint, status, created_at)
            VALUES ({caller}, {key}, {fingerprint}, 0, {now})
            ON CONFLICT (caller, key) DO NOTHING
            """, ct);
        if (claimed == 0)
        {
            var first = await db.IdempotentRequests.AsNoTracking().SingleAsync(r => r.Caller == caller && r.Key == key, ct);
            await tx.RollbackAsync(ct);
            await Replay(context, first, fingerprint);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        var failed = context.Features.Get<IExceptionHandlerFeature>() is not null || response.StatusCode >= 500
            || db.Database.CurrentTransaction is null;
        if (failed)
        {
            if (db.Database.CurrentTransaction is not null) await tx.RollbackAsync(ct);
        }
        else
        {
            var body = buffer.ToArray();
            string? contentType = response.ContentType, location = response.Headers.Location.ToString();
            if (string.IsNullOrEmpty(location)) location = null;
            await db.Database.ExecuteSqlAsync($"""
                UPDATE idempotent_requests SET status = {response.StatusCode}, content_type = {contentType}, location = {location}, body = {body}
                WHERE caller = {caller} AND key = {key}
                """, ct);
            await tx.CommitAsync(ct);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
    }

    private async Task Replay(HttpContext context, IdempotentRequest first, string fingerprint)
    {
        if (first.Fingerprint != fingerprint)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The Idempotency-Key was used for another request.",
                detail: "This key already answered a request with a different method, path or body. Use a new key for a new request.",
                extensions: new Dictionary<string, object?> { ["header"] = Header }).ExecuteAsync(context);
            return;
        }
        logger.LogInformation("Idempotency-Key {Key} repeated by {Caller}: the first answer ({Status}) returned", first.Key, first.Caller, first.Status);
        var response = context.Response;
        response.StatusCode = first.Status;
        response.Headers[ReplayedHeader] = "true";
        if (first.ContentType is not null) response.ContentType = first.ContentType;
        if (first.Location is not null) response.Headers.Location = first.Location;
        if (first.Body is { Length: > 0 } body) await response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>The request as sent: method, path, query and body (buffered, so the endpoint reads it again).</summary>
    private static async Task<string> Fingerprint(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0) hash.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
