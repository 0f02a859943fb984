using System.Security.Claims;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Microsoft.AspNetCore;
using OpenIddict.Server.AspNetCore;

namespace Jtai.Gateway.Identity;

/// <summary>
/// Issues the token once OpenIddict has authenticated the client. A fixed client gets its
/// configured claims; the impersonation client gets the claims it asks for (role, inspectorate,
/// local_area, agency, sub, name), checked against the platform's vocabulary; a web client
/// redeeming an authorization code gets the person chosen on the sign-in page.
/// </summary>
internal static class DevTokenEndpoint
{
    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> Issue(HttpContext http, IOptionsMonitor<DevIssuerOptions> options)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing.");
        var config = options.CurrentValue;

        if (request.IsAuthorizationCodeGrantType())
        {
            // OpenIddict has checked the code, its PKCE verifier and redirect URI; the code carries the chosen person.
            var code = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
                ?? throw new InvalidOperationException("The authorization code carries no identity.");
            var person = new ClaimsIdentity(code.Claims.Where(c => DevIdentity.Parameters.Contains(c.Type)),
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, JtaiClaims.Name, JtaiClaims.Role);
            return TypedResults.SignIn(DevIdentity.Principal(person, code.GetScopes()),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        ClaimsIdentity identity;
        if (config.Impersonation is { } impersonation && request.ClientId == impersonation.ClientId)
        {
            var (requested, problem) = DevIdentity.Build(name => (string?)request.GetParameter(name));
            if (problem is not null)
                return TypedResults.Problem(title: "The token request names claims the platform does not know.", detail: problem.Message, statusCode: 400);
            identity = requested!;
        }
        else
        {
            identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, JtaiClaims.Name, JtaiClaims.Role);
            var client = config.Clients.Single(c => c.ClientId == request.ClientId);
            foreach (var (type, values) in client.Claims)
                foreach (var value in values.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    identity.AddClaim(new Claim(type, value));
            if (identity.FindFirst(JtaiClaims.Subject) is null) identity.AddClaim(new Claim(JtaiClaims.Subject, client.ClientId));
        }
        return TypedResults.SignIn(DevIdentity.Principal(identity, []), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
