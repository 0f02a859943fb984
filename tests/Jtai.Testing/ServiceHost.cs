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
        };
        // Port 0: a process without gRPC (the web service).
        if (grpcPort != 0)
        {
            _settings["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{grpcPort}";
            _settings["Kestrel:Endpoints:Grpc:Protocols"] = "Http2";
        }
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

    private static readonly Lock PortsGate = new();
    private static readonly HashSet<int> PortsHandedOut = [];

    /// <summary>
    /// A free loopback port below Linux's ephemeral range (32768–60999). A port the kernel hands out
    /// for port 0 lies in that range, so between choosing it and Kestrel binding it any outgoing
    /// connection (Npgsql, RabbitMQ, HTTP) may take it as its source port: "address already in use".
    /// Ports chosen here are never given to outgoing connections, and none is handed out twice.
    /// </summary>
    public static int FreePort()
    {
        lock (PortsGate)
        {
            for (var attempt = 0; attempt < 2000; attempt++)
            {
                var port = Random.Shared.Next(20000, 32000);
                if (PortsHandedOut.Contains(port)) continue;
                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                }
                catch (SocketException)
                {
                    continue;
                }
                PortsHandedOut.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException("No free loopback port between 20000 and 32000.");
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
