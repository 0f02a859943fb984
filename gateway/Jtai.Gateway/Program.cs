using Jtai.Gateway;
using Jtai.Gateway.ApiReference;
using Jtai.Gateway.Identity;
using Jtai.Gateway.Proxy;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(GatewayService.Name);
builder.AddInspectorateRoutes(); // each inspectorate of the registry: its routes and cluster
builder.AddRouteFiles();         // Routes/*.json: each area's routes in a file of its own
builder.AddDevIssuer();          // only when configured, and in Development only
builder.AddGatewayProxy();       // routes, clusters, policies, rate limits, body limits, health checks

var app = builder.Build();
app.MapDevIssuer();              // first: its rate limit runs before client authentication
app.MapServiceDefaults(declaredRules: false);   // the gateway's routes carry per-route policies; each service decides again
app.MapApiReference();           // /api-reference: the partner agencies' API, for their developers
app.MapGatewayProxy();
app.Run();
