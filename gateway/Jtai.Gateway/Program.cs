using Jtai.Gateway;
using Jtai.Gateway.Identity;
using Jtai.Gateway.Proxy;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(GatewayService.Name);
builder.AddDevIssuer();          // only when configured, never in Production
builder.AddGatewayProxy();       // routes, clusters, policies, rate limits, body limits, health checks

var app = builder.Build();
app.MapServiceDefaults();
app.MapDevIssuer();
app.MapGatewayProxy();
app.Run();
