using Jtai.Web.Gateway;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jtai.Web.Pages;

public static class PagesSetup
{
    /// <summary>
    /// Razor Pages, one folder per journey, signed-in only except the start, sign-out and error
    /// pages. Razor Pages check the anti-forgery token on every POST, and the form tag helper
    /// writes it into every form.
    /// </summary>
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Index");
                o.Conventions.AllowAnonymousToPage("/SignedOut");
                o.Conventions.AllowAnonymousToFolder("/Errors");
            })
            .AddMvcOptions(o => o.Filters.Add<GatewayRefusalFilter>());
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Antiforgery refuses a Secure-only cookie on a plain-HTTP request (a local run); served over
        // HTTPS, as in production, the cookie is Secure.
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "jtai-antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }
}
