using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Jtai.Inspectorate.Intelligence;

public static class IntelligenceSetup
{
    /// <summary>The routine programmes this inspectorate records intelligence from (each service names its own).</summary>
    public static WebApplicationBuilder AddIntelligence(this WebApplicationBuilder builder, params string[] programmes)
    {
        if (programmes.Length == 0) throw new InvalidOperationException("An inspectorate records intelligence from at least one of its programmes.");
        builder.Services.AddSingleton(new IntelligenceProgrammes(programmes));
        return builder;
    }

    public static void AddIntelligenceConsumers(this IBusRegistrationConfigurator bus) => bus.AddConsumer<IntelligenceSharedConsumer>();
}
