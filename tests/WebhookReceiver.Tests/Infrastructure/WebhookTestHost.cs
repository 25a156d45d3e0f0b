using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace WebhookReceiver.Tests.Infrastructure;

/// <summary>A receiver on ASP.NET Core's TestServer with a FakeTimeProvider, for pipeline tests.</summary>
public sealed class WebhookTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookTestHost(WebApplication app, FakeTimeProvider time, TestLogSink logs)
    {
        _app = app;
        Time = time;
        Logs = logs;
        Client = app.GetTestClient();
    }

    /// <summary>The fixed instant every test host starts at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public TestLogSink Logs { get; }

    public static async Task<WebhookTestHost> StartAsync(
        Action<WebhookBuilder> schemes,
        Action<WebApplication> map,
        Action<IServiceCollection>? services = null,
        Dictionary<string, string?>? configuration = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        if (configuration is not null)
            builder.Configuration.AddInMemoryCollection(configuration);
        var time = new FakeTimeProvider(Start);
        var logs = new TestLogSink();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(time);
        // TestServer's requests come for localhost: pinning it is what lets URL-signing schemes trust the request URL.
        builder.Services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = ["localhost"]);
        schemes(builder.Services.AddWebhooks());
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new WebhookTestHost(app, time, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
