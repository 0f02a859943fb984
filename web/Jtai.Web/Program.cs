using Jtai.ServiceDefaults.Health;
using Jtai.ServiceDefaults.Telemetry;
using Jtai.Web;
using Jtai.Web.Gateway;
using Jtai.Web.Pages;
using Jtai.Web.Pages.Operations;
using Jtai.Web.Security;
using Jtai.Web.SignIn;

var builder = WebApplication.CreateBuilder(args);
builder.AddJtaiTelemetry(WebService.Name);
builder.Services.AddJtaiHealth();
builder.AddWebSignIn();          // cookie session + OpenID Connect (code + PKCE); tokens stay on the server
builder.AddGatewayClient();      // every call to the platform goes through the gateway with the user's token
builder.AddWebPages();           // Razor Pages, anti-forgery, GOV.UK error pages
builder.AddOperationsConsole();  // the operators' console: trace links into the telemetry dashboard, replays

var app = builder.Build();
app.UseWebSecurity();            // security headers, error pages
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapJtaiHealth();
app.MapWebSignIn();
app.MapRazorPages();
app.Run();
