namespace Jtai.Web.Security;

public static class SecurityHeaders
{
    /// <summary>
    /// Error pages in the GOV.UK style for every status (a refusal from the platform included) and
    /// headers that keep the pages to their own scripts and styles: no inline script, no framing,
    /// forms only to this site and the issuer (signing out redirects there).
    /// </summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        var issuer = new Uri(app.Configuration["Authentication:PublicAuthority"] ?? app.Configuration["Authentication:Authority"]!)
            .GetLeftPart(UriPartial.Authority);
        var policy = string.Join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
            "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", $"form-action 'self' {issuer}");
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                if (!http.Request.Path.StartsWithSegments("/assets") && !http.Request.Path.StartsWithSegments("/lib"))
                    headers.CacheControl = "no-store";   // pages show personal and case data
                return Task.CompletedTask;
            });
            await next();
        });
        app.UseExceptionHandler("/errors/500");
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        return app;
    }
}
