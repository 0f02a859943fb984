using System.Net;

namespace Jtai.Web.Gateway;

/// <summary>
/// The platform refused the call: 401 (the token is no longer accepted), 403 (not allowed) or 404
/// (absent, or hidden from this person). Pages let it through; <see cref="GatewayRefusalFilter"/>
/// turns it into signing in again or the GOV.UK error page.
/// </summary>
public sealed class GatewayRefusal(HttpStatusCode status, string path)
    : Exception($"The gateway answered {(int)status} to {path}.")
{
    public HttpStatusCode Status { get; } = status;
}
