using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace WebhookReceiver.Testing.Tests.Infrastructure;

/// <summary>A receiver on TestServer: scheme <c>standard</c> at POST /webhooks, a fake clock far from the real one.</summary>
public sealed class ReceiverApp : IAsyncDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private ReceiverApp(WebApplication app, FakeTimeProvider time)
    {
        App = app;
        Time = time;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; private set; } = null!;

    public int Handled { get; private set; }

    public static async Task<ReceiverApp> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 2, 25, 15, 2, 10, TimeSpan.Zero));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddWebhooks().AddStandardWebhooks("standard", o => o.Secret = Secret);
        var app = builder.Build();
        var receiver = new ReceiverApp(app, time);
        app.MapWebhook<JsonElement>("/webhooks", "standard", (_, _) =>
        {
            receiver.Handled++;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        receiver.Client = app.GetTestClient();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
