using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Testing;

namespace WebhookReceiver.Tests.Internal;

public sealed class WebhookCaptureWriterTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public async Task Endpoint_CaptureDirectorySet_WritesEveryDeliveryWithItsOutcome()
    {
        var directory = Path.Combine(Directory.CreateTempSubdirectory().FullName, "captures");
        var body = Encoding.UTF8.GetBytes("{\"type\":\"order.created\"}\n");

        await using (var app = await StartAsync(directory))
        {
            using var client = app.GetTestClient();
            using var good = await client.SendAsync(Signed(body, Secret), TestContext.Current.CancellationToken);
            using var bad = await client.SendAsync(Signed(body, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSX"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, good.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        } // disposing the app writes what is still queued

        var captures = Directory.GetFiles(directory, "*.json").Select(WebhookCapture.Load).OrderBy(c => c.StatusCode).ToList();
        Assert.Equal([(200, "processed"), (401, "unauthorized")], captures.Select(c => (c.StatusCode!.Value, c.Outcome!)));
        Assert.All(captures, c => Assert.Equal(body, c.Body));
        Assert.All(captures, c => Assert.Equal(("standard", "/webhooks", "?src=t"), (c.Scheme!, c.Path, c.Query!)));
        Assert.All(captures, c => Assert.True(c.Headers.ContainsKey("webhook-signature")));
    }

    [Fact]
    public async Task Endpoint_CaptureOff_ResolvesNoWriter()
    {
        await using var app = await StartAsync(directory: null);
        using var client = app.GetTestClient();

        using var response = await client.SendAsync(Signed("{\"type\":\"x\"}"u8.ToArray(), Secret), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<WebhookReceiver.Internal.WebhookCaptureWriter>());
    }

    private static async Task<WebApplication> StartAsync(string? directory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddWebhooks(o => o.CaptureDirectory = directory).AddStandardWebhooks("standard", o => o.Secret = Secret);
        var app = builder.Build();
        app.MapWebhook<JsonElement>("/webhooks", "standard", (_, _) => Task.CompletedTask);
        await app.StartAsync();
        return app;
    }

    private static HttpRequestMessage Signed(byte[] body, string secret)
        => WebhookRequestBuilder.For("standard-webhooks", secret).To("/webhooks?src=t").WithBody(body).Build();
}
