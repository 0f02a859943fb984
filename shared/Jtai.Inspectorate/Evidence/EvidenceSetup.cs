using Jtai.Calendar;
using Jtai.Calendar.Frameworks;
using Jtai.Inspectorate.Retention;
using Jtai.ServiceDefaults.Criteria;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Inspectorate.Evidence;

public static class EvidenceSetup
{
    /// <summary>Evidence records, their retention (section "Retention"), the daily purge and the completeness gRPC service.</summary>
    public static WebApplicationBuilder AddEvidence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>()
            .Bind(builder.Configuration.GetSection(RetentionOptions.Section))
            .Validate(o => o.PeriodMonths >= 0 && o.PollInterval > TimeSpan.Zero && o.TriggerStages.Count > 0,
                "Retention needs PeriodMonths >= 0, a PollInterval above zero and at least one Trigger stage.")
            .ValidateOnStart();
        if (!builder.Services.Any(d => d.ServiceType == typeof(FrameworkCatalog))) builder.AddJtaiCalendar();
        builder.Services.TryAddSingleton<IEvaluationCriteria, FrameworkCriteria>();
        builder.Services.AddScoped<IPurgeTarget, EvidencePurgeTarget>();
        builder.Services.AddScoped<EvidenceCompletions>();
        builder.Services.AddScoped<Purger>();
        builder.Services.AddSingleton<RetentionMetrics>();
        builder.Services.AddHostedService<DailyPurge>();
        return builder;
    }

    public static void AddEvidenceConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RetentionStageConsumer>();
        bus.AddConsumer<LegalHoldPlacedConsumer>();
        bus.AddConsumer<LegalHoldReleasedConsumer>();
    }

    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder app, string inspectorate)
    {
        app.MapEvidenceApi(inspectorate);
        app.MapRetentionApi(inspectorate);
        app.MapGrpcService<CompletenessService>().RequireStanding(Rules.PlatformService);
        return app;
    }
}
