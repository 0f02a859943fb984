using Jtai.Calendar.Registry;
using Jtai.ServiceDefaults.Access;
using Scalar.AspNetCore;

namespace Jtai.Gateway.ApiReference;

/// <summary>
/// The reference page for partner agencies' developers (Scalar): one document per service, each the
/// service's "partner" OpenAPI document (only what a partner may call, with the bearer scheme and who
/// may call each operation), fetched through the gateway's public routes (the orchestrator's in Routes/api-reference.json, each
/// inspectorate's made from the registry by InspectorateRoutes).
/// A developer reads it and tries a call with a token, without reading our code.
/// </summary>
public static class ApiReferenceSetup
{
    private static readonly (string Service, string Title)[] Documents =
    [
        ("orchestrator", "Inspections, timeline, information requests, letter, statement of action, complaints"),
        .. InspectorateRegistry.Current.Inspectorates.Select(i => (i.Key, i.PartnerApi)),
    ];

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference("/api-reference", options =>
        {
            options.WithTitle("JTAI: the partner agencies' API");
            foreach (var (service, title) in Documents)
                options.AddDocument(service, title, $"/openapi/{service}/partner.json", isDefault: service == "orchestrator");
            options.AddPreferredSecuritySchemes("Bearer");
        }).RequireStanding(Rules.Public);
        return app;
    }
}
