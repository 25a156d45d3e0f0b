using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Fuzz;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port 0, Kestrel's default limits) with every fuzz scheme mapped at its own path,
/// capture on into a folder, every log line of every category collected, and the fuzz handler on every endpoint.
/// </summary>
internal sealed class FuzzServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private FuzzServer(WebApplication app, IPEndPoint endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public IPEndPoint Endpoint { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<FuzzServer> StartAsync(IReadOnlyList<FuzzProvider> schemes, FuzzHandler handler, TestLogSink logs, TimeProvider time,
        string captureDirectory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(time);
        var webhooks = builder.Services.AddWebhooks(o => o.CaptureDirectory = captureDirectory);
        foreach (var scheme in schemes)
            webhooks.AddScheme(scheme.Name, scheme.Provider, scheme.Configure);
        var app = builder.Build();
        foreach (var scheme in schemes)
            app.MapWebhook(scheme.Path, scheme.Name).OnAny<System.Text.Json.JsonElement>(handler.HandleAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new FuzzServer(app, new IPEndPoint(IPAddress.Loopback, address.Port));
    }

    /// <summary>Stops the server; disposing the app writes the captures still queued.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
