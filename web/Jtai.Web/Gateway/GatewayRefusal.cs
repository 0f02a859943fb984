using System.Net;

namespace Jtai.Web.Gateway;

/// <summary>
/// The platform refused the call: 401 (the token is no longer accepted), 403 (not allowed), 404
/// (absent, or hidden from this person) or, reading a page's subject, 400 (the page's address is wrong). Pages let it through; <see cref="GatewayRefusalFilter"/>
/// turns it into signing in again or the GOV.UK error page.
/// </summary>
public sealed class GatewayRefusal(HttpStatusCode status, string path)
    : Exception($"The gateway answered {(int)status} to {path}.")
{
    public HttpStatusCode Status { get; } = status;
}
