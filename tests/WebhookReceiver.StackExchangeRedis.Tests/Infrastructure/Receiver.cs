using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

/// <summary>One instance of a receiver application (in-memory TestServer) using the Redis nonce store.</summary>
internal sealed class Receiver : IAsyncDisposable
{
    public const string Scheme = "orders";
    public const string Path = "/webhooks/orders";

    private readonly WebApplication _app;

    private Receiver(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a receiver whose handler is <paramref name="probe"/> and whose store is configured by <paramref name="redis"/>,
    /// with the Redis health check registered; its log lines go to <paramref name="logs"/> when given.
    /// </summary>
    public static async Task<Receiver> StartAsync(HandlerProbe probe, Action<RedisNonceStoreOptions> redis, bool failOpen = false, TestLogSink? logs = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (logs is not null)
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddWebhooks()
            .AddStandardWebhooks(Scheme, o =>
            {
                o.Secret = Deliveries.Secret;
                o.Replay.FailOpen = failOpen;
            })
            .AddRedisNonceStore(redis);
        builder.Services.AddHealthChecks().AddRedisNonceStoreCheck();
        var app = builder.Build();
        app.MapWebhook<JsonElement>(Path, Scheme, probe.HandleAsync);
        await app.StartAsync();
        return new Receiver(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
