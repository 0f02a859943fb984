using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;

namespace Jtai.Web.Gateway;

/// <summary>Puts the signed-in person's access token (kept in the session cookie, never sent to the browser) on each gateway call.</summary>
public sealed class UserTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } http && await http.GetTokenAsync("access_token") is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
