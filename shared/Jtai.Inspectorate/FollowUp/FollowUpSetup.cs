using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Jtai.Calendar;
using Jtai.Calendar.WorkingDays;

namespace Jtai.Inspectorate.FollowUp;

public static class FollowUpSetup
{
    /// <summary>
    /// The shared follow-up mechanics (section "FollowUp"), with the service's own details. The
    /// service's consumers are added with <see cref="AddFollowUpConsumers{TPriorityActionConsumer}"/>.
    /// </summary>
    public static WebApplicationBuilder AddFollowUpMechanics<TDetails>(this WebApplicationBuilder builder)
        where TDetails : class, IFollowUpDetails
    {
        builder.Services.Configure<FollowUpOptions>(builder.Configuration.GetSection(FollowUpOptions.Section));
        // England's working days (Jtai.Calendar): every follow-up deadline counts them.
        if (!builder.Services.Any(d => d.ServiceType == typeof(WorkingDayCalendar))) builder.AddJtaiCalendar();
        builder.Services.AddScoped<FollowUps>();
        builder.Services.AddScoped<FollowUpChange>();
        builder.Services.AddScoped<IFollowUpDetails, TDetails>();
        return builder;
    }

    public static IBusRegistrationConfigurator AddFollowUpConsumers<TPriorityActionConsumer>(this IBusRegistrationConfigurator bus)
        where TPriorityActionConsumer : PriorityActionConsumerBase
    {
        bus.AddConsumer<TPriorityActionConsumer>();
        bus.AddConsumer<FollowUpDeadlineReachedConsumer>();
        bus.AddConsumer<LetterOfFindingsDatedConsumer>();
        return bus;
    }
}
