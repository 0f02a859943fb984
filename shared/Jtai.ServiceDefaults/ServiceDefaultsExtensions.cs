using System.Diagnostics;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Health;
using Jtai.ServiceDefaults.OpenApi;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Jtai.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text.Json.Serialization;

namespace Jtai.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>The registry's addresses, telemetry, logs with trace ids, health, problem details, tokens and policies, OpenAPI, clock.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Configuration.AddRegistryAddresses();
        builder.AddJtaiTelemetry(serviceName);

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures (malformed JSON, wrong types) reach ProblemExceptionHandler, which names the field.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.AllowTrailingCommas = false;
            o.SerializerOptions.Converters.Add(new StorableTextConverter());
            o.SerializerOptions.Converters.Add(new SupportedDateOnlyConverter());
            o.SerializerOptions.Converters.Add(new SupportedDateTimeOffsetConverter());
        });

        builder.Services.AddJtaiHealth();
        builder.Services.AddJtaiAuthentication(builder.Configuration, builder.Environment);
        builder.Services.AddAccessRules();
        builder.Services.AddJtaiOpenApi(serviceName);   // v1 and the partners' document
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <param name="declaredRules">
    /// Every endpoint declares its access rule, applied per request and checked at start (docs/access.md).
    /// Off only for the gateway, whose routes carry coarse per-route policies instead.
    /// </param>
    public static WebApplication MapServiceDefaults(this WebApplication app, bool declaredRules = true)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseMiddleware<RequestTextMiddleware>();
        app.UseJtaiAuthentication();
        app.UseAuthorization();
        if (declaredRules) app.UseAccessRules();
        app.MapJtaiHealth();
        app.MapOpenApi().RequireStanding(Rules.Public);
        return app;
    }
}
