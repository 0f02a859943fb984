using System.Security.Claims;
using Jtai.ServiceDefaults.Access;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Jtai.ServiceDefaults.OpenApi;

/// <summary>
/// OpenAPI documents for people who write software against the platform: "v1" (every endpoint)
/// and "partner" (only what a partner agency's system may call: the endpoints whose declared access
/// rule admits a partner of the inspection's area). Both name the bearer scheme and say, on each
/// operation, who may call it; the gateway publishes the partner documents with a reference page.
/// </summary>
public static class PartnerApiDocument
{
    public const string Name = "partner";
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddJtaiOpenApi(this IServiceCollection services, string serviceName)
    {
        services.AddOpenApi(o => Describe(o, serviceName, partner: false));
        services.AddOpenApi(Name, o =>
        {
            o.ShouldInclude = d => d.ActionDescriptor.EndpointMetadata.OfType<AccessRuleMetadata>().LastOrDefault() is { } declared
                && AdmitsPartners(declared.Rule);
            Describe(o, serviceName, partner: true);
        });
        return services;
    }

    private static void Describe(OpenApiOptions options, string serviceName, bool partner)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = partner ? $"JTAI {serviceName}: the partner agencies' API" : $"JTAI {serviceName} API";
            document.Info.Description = partner
                ? "What a partner agency's system (local authority, police, health, education, MASA) may call for its own local area's "
                  + "inspections, from the area's notification on. Send an OAuth 2.0 access token from the platform's issuer as "
                  + "`Authorization: Bearer <token>` (client credentials: your agency's client id and secret; the token carries your "
                  + "local area and agency). Refusals are RFC 9457 problem details naming the field, row or rule; an inspection of "
                  + "another area, or not yet notified, answers 404."
                : "Every endpoint of the service, with who may call each. Send an OAuth 2.0 access token as `Authorization: Bearer <token>`.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from the platform's OAuth 2.0 issuer (audience jtai-api).",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AccessRuleMetadata>().LastOrDefault() is { } declared)
            {
                var who = $"Who may call: {declared.Rule.Says}.";
                operation.Description = string.IsNullOrEmpty(operation.Description) ? who : $"{operation.Description}\n\n{who}";
                operation.Summary ??= Summary(context.Description.HttpMethod, context.Description.RelativePath);
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>"GET inspections/{inspectionId}/timeline" → "Read the timeline"; an endpoint's own summary wins.</summary>
    private static string Summary(string? method, string? path)
    {
        var segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => !s.StartsWith('{')).ToList();
        var what = segments.Count == 0 ? "the resource" : $"the {segments[^1].Replace('-', ' ')}";
        var verb = method?.ToUpperInvariant() switch
        {
            "GET" => "Read",
            "POST" => "Send",
            "PUT" => "Replace",
            "DELETE" => "Remove",
            _ => method ?? "Call",
        };
        return $"{verb} {what}";
    }

    /// <summary>
    /// Whether a partner agency of an inspection's area (any agency, once notified) passes the rule:
    /// the rule itself answers, so the document follows the declared access rules and nothing else.
    /// </summary>
    public static bool AdmitsPartners(AccessRule rule)
    {
        if (rule.IsPublic) return false;
        const string area = "E00000000";
        var inspection = new InspectionFacts(area, Notified: true, Place: null);
        foreach (var agency in Agencies.All)
        {
            var partner = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(JtaiClaims.Subject, "partner-system"), new Claim(JtaiClaims.Role, JtaiRoles.PartnerAgency),
                new Claim(JtaiClaims.LocalArea, area), new Claim(JtaiClaims.Agency, agency),
            ], authenticationType: "sample", JtaiClaims.Name, JtaiClaims.Role));
            var route = new Dictionary<string, string?> { ["agency"] = agency };
            if (rule.Decide(Standing.Of(partner, Guid.Empty, inspection, route)) == AccessDecision.Allowed) return true;
        }
        return false;
    }
}
