using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jtai.Inspectorate.Notification;

/// <summary>
/// Whom this inspectorate notifies on day 1 (¶16–17): <see cref="Recipients"/> directly, and
/// <see cref="AskedToNotify"/> through the first recipient. Each service gives its own defaults;
/// configuration section "Notification" overrides them.
/// </summary>
public sealed class NotificationOptions
{
    public string[] Recipients { get; set; } = [];
    public string[] AskedToNotify { get; set; } = [];
}

public static class NotificationSetup
{
    public static WebApplicationBuilder AddNotificationFanOut(this WebApplicationBuilder builder, string[] recipients, string[]? askedToNotify = null)
    {
        // Configuration binding appends to arrays, so configured lists replace the defaults here instead.
        var section = builder.Configuration.GetSection("Notification");
        var configured = section.Get<NotificationOptions>();
        var options = new NotificationOptions
        {
            Recipients = configured?.Recipients.Length > 0 ? configured.Recipients : recipients,
            AskedToNotify = section.GetSection("AskedToNotify").Exists() ? configured?.AskedToNotify ?? [] : askedToNotify ?? [],
        };
        foreach (var role in options.Recipients.Concat(options.AskedToNotify))
            if (!ContactRoles.All.Contains(role))
                throw new InvalidOperationException($"Notification: '{role}' is not a contact role ({string.Join(", ", ContactRoles.All)}).");
        if (options.Recipients.Length == 0) throw new InvalidOperationException("Notification:Recipients names nobody to notify.");
        builder.Services.AddSingleton(options);
        return builder;
    }
}
