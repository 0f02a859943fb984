using Jtai.Inspectorate.Data;
using Jtai.Inspectorate.Evidence;
using Jtai.Inspectorate.Inspections;
using Jtai.Inspectorate.Intelligence;
using Jtai.Inspectorate.Notification;
using Jtai.Inspectorate.Team;
using Jtai.Messaging;
using Jtai.ServiceDefaults.Access;
using Jtai.Messaging.Data;
using Jtai.Notices;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jtai.Inspectorate;

public static class InspectorateSetup
{
    /// <summary>
    /// Hosts the shared inspectorate model in one inspectorate's service: its database
    /// (ConnectionStrings:{inspectorate}), messaging, and the consumers every inspectorate has;
    /// <paramref name="consumers"/> adds the ones only this inspectorate has.
    /// </summary>
    public static WebApplicationBuilder AddInspectorate<TDb>(
        this WebApplicationBuilder builder, string inspectorate, Action<IBusRegistrationConfigurator>? consumers = null)
        where TDb : InspectorateDbContext
    {
        builder.AddJtaiData<TDb>(inspectorate);
        builder.Services.AddScoped<InspectorateDbContext>(sp => sp.GetRequiredService<TDb>());
        builder.AddJtaiMessaging(inspectorate, bus =>
        {
            bus.AddConsumer<InspectionScheduledConsumer>();
            bus.AddConsumer<TeamMemberAssignedConsumer>();
            bus.AddConsumer<TeamMemberRemovedConsumer>();
            bus.AddEvidenceConsumers();
            bus.AddConsumer<InspectionTransitionedConsumer>();
            bus.AddIntelligenceConsumers();
            bus.AddNoticeConsumers();
            consumers?.Invoke(bus);
        });
        builder.AddNotices(NotificationNotice.Kind);
        builder.Services.AddNoticeOutcome<NotificationDelivered>();
        builder.AddEvidence();
        builder.Services.AddScoped<IInspectionFactsSource, TeamStanding>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInspectorate(this IEndpointRouteBuilder app, string inspectorate)
    {
        app.MapJtaiMessaging();
        app.MapInspectionsApi(inspectorate);
        app.MapEvidence(inspectorate);
        app.MapNotificationApi(inspectorate);
        app.MapIntelligenceApi(inspectorate);
        return app;
    }
}
