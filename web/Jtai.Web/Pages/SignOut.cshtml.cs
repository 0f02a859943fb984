using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jtai.Web.Pages;

/// <summary>Ends the session here and at the issuer (which returns the person to the signed-out page).</summary>
public sealed class SignOutModel : PageModel
{
    public void OnGet() { }

    public IActionResult OnPost() =>
        SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" },
            CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
}
