using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Jtai.Testing;

/// <summary>
/// One of the platform's processes on real Kestrel sockets (a REST port and an HTTP/2 gRPC port),
/// with test settings layered over its appsettings and the shared movable clock.
/// </summary>
public sealed class ServiceHost<TMarker> : WebApplicationFactory<TMarker>, IServiceHost where TMarker : class
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public ServiceHost(string name, int httpPort, int grpcPort, Dictionary<string, string?> settings, TimeProvider clock, Action<IServiceCollection>? services = null)
    {
        Name = name;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
        _settings = new Dictionary<string, string?>(settings)
        {
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
        };
        _services = s =>
        {
            s.AddSingleton(clock);
            services?.Invoke(s);
        };
        UseKestrel();
    }

    public string Name { get; }
    public int HttpPort { get; }
    public int GrpcPort { get; }
    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");
    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(s => _services?.Invoke(s));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    void IServiceHost.Start() => StartServer();
}

public interface IServiceHost : IAsyncDisposable
{
    string Name { get; }
    Uri HttpAddress { get; }
    Uri GrpcAddress { get; }
    IServiceProvider Services { get; }
    void Start();
}
