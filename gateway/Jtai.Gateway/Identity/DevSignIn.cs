using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace Jtai.Gateway.Identity;

/// <summary>
/// The development issuer's interactive endpoints. The authorization endpoint shows a page where a
/// developer chooses who to be; posting it (with its anti-forgery token) issues the authorization
/// code for that person. There is no issuer session to end, so signing out only returns to the
/// client. Production uses the inspectorates' own issuer and never maps these.
/// </summary>
internal static class DevSignIn
{
    /// <summary>Marks the posted sign-in form (an authorization request that only repeats the client's parameters shows the page).</summary>
    public const string ChoiceParameter = "dev_sign_in";

    public static async Task<IResult> Authorize(HttpContext http, IAntiforgery antiforgery)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing.");
        string? Param(string name) => (string?)request.GetParameter(name);

        if (!HttpMethods.IsPost(http.Request.Method) || Param(ChoiceParameter) is null)
            return DevSignInPage.Render(http, antiforgery, request, problem: null);
        if (!await antiforgery.IsRequestValidAsync(http))
            return DevSignInPage.Render(http, antiforgery, request,
                new DevIdentityProblem(JtaiClaims.Role, "The form had expired. Choose again and sign in."), StatusCodes.Status400BadRequest);

        var (identity, problem) = DevIdentity.Build(Param);
        if (problem is not null) return DevSignInPage.Render(http, antiforgery, request, problem, StatusCodes.Status400BadRequest);
        return Results.SignIn(DevIdentity.Principal(identity!, request.GetScopes()),
            authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>OpenIddict has checked the post-logout address; it redirects there (or to "/" when none was given).</summary>
    public static IResult EndSession() =>
        Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
