using Jtai.Ofsted.CaseSelection;
using Jtai.Ofsted.InformationExchange.HealthBodies;
using Jtai.Inspectorate.Team;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Ofsted.InformationExchange;

public static class InformationExchangeSetup
{
    public static WebApplicationBuilder AddInformationExchange(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<InformationExchangeOptions>(builder.Configuration.GetSection(InformationExchangeOptions.Section));
        builder.Services.AddScoped<ChildDataAudit>();
        builder.Services.AddSingleton<AnnexAMetrics>();
        return builder;
    }

    /// <summary>
    /// The caller's standing in Ofsted carries the health bodies CQC named (¶105). Called after the inspectorate's own
    /// registration, whose source it wraps.
    /// </summary>
    public static WebApplicationBuilder AddNamedHealthBodies(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TeamStanding>();
        builder.Services.Replace(ServiceDescriptor.Scoped<IInspectionFactsSource, ExchangeStanding>());
        return builder;
    }

    /// <summary>
    /// /api/ofsted/inspections/{id}/information-exchange/** and /case-selection/**: the only Ofsted
    /// paths partners reach (gateway route file information-exchange.json). Uploads are multipart
    /// with bearer tokens and no cookies, so antiforgery does not apply.
    /// </summary>
    public static IEndpointRouteBuilder MapInformationExchange(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<InformationExchangeOptions>>().Value;
        // Every upload route reads as much as the gateway's exchange route lets through (MaxListBytes, 32 MB):
        // a document over its own 25 MB is then answered with the 413 problem. A lower server limit would
        // cut the connection mid-upload, and the gateway would answer 502 for the caller's mistake.
        var uploadLimit = new RequestSizeLimitAttribute(Math.Max(options.MaxListBytes, options.MaxDocumentBytes) + 64 * 1024);

        var exchange = app.MapGroup("/api/ofsted/inspections/{inspectionId:guid}/information-exchange")
            .RequireStanding(ExchangeAccess.TeamOrPartners)
            .WithTags("Information exchange");
        exchange.MapPost("/annex-a/lists/{list:int}", AnnexAUploads.Upload).DisableAntiforgery().WithMetadata(uploadLimit)
            .RequireStanding(ExchangeAccess.LocalAuthority);
        exchange.MapGet("/annex-a/uploads", AnnexAUploads.List);
        exchange.MapGet("/annex-a/lists/{list:int}/rows", AnnexAUploads.Rows).RequireStanding(Rules.Team);
        exchange.MapPost("/documents/audit-list", Documents.UploadAuditList).DisableAntiforgery().WithMetadata(uploadLimit)
            .RequireStanding(Rules.PartnersOfArea);
        exchange.MapPost("/documents/performance/{item}", Documents.UploadPerformance).DisableAntiforgery().WithMetadata(uploadLimit)
            .RequireStanding(ExchangeAccess.AgencyOfItem);
        exchange.MapPost("/documents/case-records/{agency}/{childId}", Documents.UploadCaseRecord).DisableAntiforgery().WithMetadata(uploadLimit)
            .RequireStanding(ExchangeAccess.AgencyInPath);
        exchange.MapPost("/documents/partnership-audits/themes-summary", Documents.UploadThemesSummary).DisableAntiforgery().WithMetadata(uploadLimit)
            .RequireStanding(Rules.PartnersOfArea);
        exchange.MapPost("/documents/partnership-audits/{childId}", Documents.UploadEvaluation).DisableAntiforgery().WithMetadata(uploadLimit)
            .RequireStanding(Rules.PartnersOfArea);
        exchange.MapGet("/documents", Documents.List);
        exchange.MapGet("/documents/{documentId:guid}", Documents.Content);
        exchange.MapGet("/audit-log", AuditLogApi.List).RequireStanding(Rules.Team);
        // ¶105: CQC names the health bodies it asks; the team and the area's partners read who they are.
        exchange.MapGet("/health-bodies", HealthBodiesApi.List);
        exchange.MapPut("/health-bodies", HealthBodiesApi.Name).RequireStanding(ExchangeAccess.CqcNamesHealthBodies);

        // The lead selects the children (¶97, ¶99); the team reads the selection; police and health answer (¶98).
        var selection = app.MapGroup("/api/ofsted/inspections/{inspectionId:guid}/case-selection")
            .RequireStanding(Rules.Team)
            .WithTags("Case selection");
        selection.MapGet("/", CaseSelectionApi.Get);
        selection.MapGet("/proposal", CaseSelectionApi.Proposal);
        selection.MapPost("/balance", CaseSelectionApi.BalanceOf);
        selection.MapPut("/thirty", CaseSelectionApi.SelectThirty).RequireStanding(Rules.OfstedLead);
        selection.MapGet("/asked", CaseSelectionApi.Asked).RequireStanding(Rules.PartnersOfArea);
        selection.MapPut("/answers", CaseSelectionApi.Answer).RequireStanding(ExchangeAccess.PoliceOrHealth);
        selection.MapPut("/audit", CaseSelectionApi.SelectForAudit).RequireStanding(Rules.OfstedLead);
        return app;
    }
}
