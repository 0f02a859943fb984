using Jtai.Gateway;
using Jtai.Gateway.Identity;
using Jtai.Gateway.Proxy;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(GatewayService.Name);
builder.AddRouteFiles();         // Routes/*.json: each area's routes in a file of its own
builder.AddDevIssuer();          // only when configured, never in Production
builder.AddGatewayProxy();       // routes, clusters, policies, rate limits, body limits, health checks

var app = builder.Build();
app.MapServiceDefaults(declaredRules: false);   // the gateway's routes carry per-route policies; each service decides again
app.MapDevIssuer();
app.MapGatewayProxy();
app.Run();
