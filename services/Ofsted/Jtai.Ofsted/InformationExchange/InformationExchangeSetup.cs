using Jtai.Ofsted.CaseSelection;
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
    /// /api/ofsted/inspections/{id}/information-exchange/** and /case-selection/**: the only Ofsted
    /// paths partners reach (gateway route file information-exchange.json). Uploads are multipart
    /// with bearer tokens and no cookies, so antiforgery does not apply.
    /// </summary>
    public static IEndpointRouteBuilder MapInformationExchange(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<InformationExchangeOptions>>().Value;
        var listLimit = new RequestSizeLimitAttribute(options.MaxListBytes + 64 * 1024);
        var documentLimit = new RequestSizeLimitAttribute(options.MaxDocumentBytes + 64 * 1024);

        var exchange = app.MapGroup("/api/ofsted/inspections/{inspectionId:guid}/information-exchange")
            .RequireStanding(ExchangeAccess.TeamOrPartners)
            .WithTags("Information exchange");
        exchange.MapPost("/annex-a/lists/{list:int}", AnnexAUploads.Upload).DisableAntiforgery().WithMetadata(listLimit)
            .RequireStanding(ExchangeAccess.LocalAuthority);
        exchange.MapGet("/annex-a/uploads", AnnexAUploads.List);
        exchange.MapGet("/annex-a/lists/{list:int}/rows", AnnexAUploads.Rows).RequireStanding(Rules.Team);
        exchange.MapPost("/documents/audit-list", Documents.UploadAuditList).DisableAntiforgery().WithMetadata(documentLimit)
            .RequireStanding(Rules.PartnersOfArea);
        exchange.MapPost("/documents/performance/{item}", Documents.UploadPerformance).DisableAntiforgery().WithMetadata(documentLimit)
            .RequireStanding(ExchangeAccess.AgencyOfItem);
        exchange.MapPost("/documents/case-records/{agency}/{childId}", Documents.UploadCaseRecord).DisableAntiforgery().WithMetadata(documentLimit)
            .RequireStanding(ExchangeAccess.AgencyInPath);
        exchange.MapPost("/documents/partnership-audits/themes-summary", Documents.UploadThemesSummary).DisableAntiforgery().WithMetadata(documentLimit)
            .RequireStanding(Rules.PartnersOfArea);
        exchange.MapPost("/documents/partnership-audits/{childId}", Documents.UploadEvaluation).DisableAntiforgery().WithMetadata(documentLimit)
            .RequireStanding(Rules.PartnersOfArea);
        exchange.MapGet("/documents", Documents.List);
        exchange.MapGet("/documents/{documentId:guid}", Documents.Content);
        exchange.MapGet("/audit-log", AuditLogApi.List).RequireStanding(Rules.Team);

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
