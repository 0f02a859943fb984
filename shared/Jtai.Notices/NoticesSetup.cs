using Jtai.Notices.Channels;
using Jtai.Notices.Delivery;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Jtai.Notices;

public static class NoticesSetup
{
    /// <summary>
    /// The delivery mechanism in one service: <see cref="INotices"/>, the channel chosen by
    /// Notices:Channel, and the start-up check that the channel can send every kind this service declares.
    /// Register the consumer with <see cref="AddNoticeConsumers"/> inside the service's messaging set-up.
    /// </summary>
    public static WebApplicationBuilder AddNotices(this WebApplicationBuilder builder, params string[] kinds)
    {
        var services = builder.Services;
        services.AddOptions<NoticeOptions>().Bind(builder.Configuration.GetSection("Notices"));
        foreach (var kind in kinds) services.AddSingleton(new NoticeKind(kind));
        services.AddScoped<INotices, Notices>();
        var configured = builder.Configuration["Notices:Channel"];
        var channel = string.IsNullOrWhiteSpace(configured)
            ? builder.Environment.IsProduction() ? NoticeOptions.GovukNotifyChannel : NoticeOptions.SmtpChannel
            : configured.Trim().ToLowerInvariant();
        switch (channel)
        {
            case NoticeOptions.SmtpChannel: services.AddSingleton<INoticeChannel, SmtpNoticeChannel>(); break;
            case NoticeOptions.GovukNotifyChannel: services.AddSingleton<INoticeChannel, GovukNotifyChannel>(); break;
            default: throw new InvalidOperationException($"Notices:Channel '{configured}' is not '{NoticeOptions.SmtpChannel}' or '{NoticeOptions.GovukNotifyChannel}'.");
        }
        services.AddSingleton<IValidateOptions<NoticeOptions>>(sp => new NoticeOptionsValidation(channel, sp.GetServices<NoticeKind>()));
        services.AddOptions<NoticeOptions>().ValidateOnStart();
        return builder;
    }

    /// <summary>A feature declares the notices it sends (its Notify templates are then required at start).</summary>
    public static IServiceCollection AddNoticeKinds(this IServiceCollection services, params string[] kinds)
    {
        foreach (var kind in kinds) services.AddSingleton(new NoticeKind(kind));
        return services;
    }

    public static IServiceCollection AddNoticeOutcome<T>(this IServiceCollection services) where T : class, INoticeOutcome =>
        services.AddScoped<INoticeOutcome, T>();

    public static IBusRegistrationConfigurator AddNoticeConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<NoticeDeliveryConsumer>();
        return bus;
    }

    private sealed class NoticeOptionsValidation(string channel, IEnumerable<NoticeKind> kinds) : IValidateOptions<NoticeOptions>
    {
        public ValidateOptionsResult Validate(string? name, NoticeOptions options)
        {
            var problems = new List<string>();
            if (options.Intervals.Any(i => i <= TimeSpan.Zero)) problems.Add("Notices:RetryIntervals must all be positive.");
            if (channel == NoticeOptions.SmtpChannel)
            {
                if (string.IsNullOrWhiteSpace(options.Smtp.Host)) problems.Add("Notices:Smtp:Host is required.");
                if (options.Smtp.Port is < 1 or > 65535) problems.Add("Notices:Smtp:Port must be a TCP port.");
                try { SmtpNoticeChannel.Security(options.Smtp.Security); } catch (InvalidOperationException ex) { problems.Add(ex.Message); }
            }
            else
            {
                if (string.IsNullOrWhiteSpace(options.GovukNotify.ApiKey)) problems.Add("Notices:GovukNotify:ApiKey is required for the govuk-notify channel.");
                foreach (var kind in kinds.Select(k => k.Name).Distinct())
                    if (!options.GovukNotify.Templates.TryGetValue(kind, out var id) || !Guid.TryParse(id, out _))
                        problems.Add($"Notices:GovukNotify:Templates:{kind} must be the Notify template id (a GUID) for notice '{kind}'.");
            }
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
