namespace Jtai.Web.Gateway;

public static class GatewaySetup
{
    /// <summary>
    /// The web decides no access itself: every read and change is a call to the gateway with the
    /// signed-in person's own access token, and the page shows what the platform answered.
    /// </summary>
    public static WebApplicationBuilder AddGatewayClient(this WebApplicationBuilder builder)
    {
        var url = builder.Configuration["Gateway:Url"] ?? throw new InvalidOperationException("Gateway:Url is not configured.");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<UserTokenHandler>();
        builder.Services.AddHttpClient<GatewayClient>(c =>
            {
                c.BaseAddress = new Uri(url);
                c.Timeout = builder.Configuration.GetValue("Gateway:Timeout", TimeSpan.FromSeconds(30));
            })
            .AddHttpMessageHandler<UserTokenHandler>();
        return builder;
    }
}
