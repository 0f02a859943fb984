using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Jtai.ServiceDefaults.Access;

public static class AccessSetup
{
    public static IServiceCollection AddAccessRules(this IServiceCollection services)
    {
        services.AddSingleton<DeclaredRulesCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<DeclaredRulesCheck>());
        return services;
    }

    /// <summary>After authentication: every request meets its endpoint's rule; the service's endpoints are checked at start.</summary>
    public static WebApplication UseAccessRules(this WebApplication app)
    {
        app.Services.GetRequiredService<DeclaredRulesCheck>().Watch(app);
        app.UseMiddleware<StandingMiddleware>();
        return app;
    }
}
