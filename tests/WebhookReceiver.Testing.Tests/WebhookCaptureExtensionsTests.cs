using System.Net;
using System.Text;
using WebhookReceiver.Testing.Tests.Infrastructure;

namespace WebhookReceiver.Testing.Tests;

public sealed class WebhookCaptureExtensionsTests
{
    private static async Task<WebhookCapture> CaptureAsync(ReceiverApp app)
    {
        using var message = WebhookRequestBuilder.For("standard-webhooks", ReceiverApp.Secret).To("/webhooks?from=capture")
            .WithBody("""{"type":"order.created"}""").WithTimeProvider(app.Time).WithHeader("X-Trace", "t-1").Build();
        var headers = message.Headers.Concat(message.Content!.Headers).Select(h => new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>(h.Key, h.Value.ToArray()));
        return WebhookCapture.Create("POST", "/webhooks", "?from=capture", headers,
            await message.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), app.Time.GetUtcNow());
    }

    [Fact]
    public async Task ToHttpRequestMessage_SentTwice_ProcessedThenDuplicate()
    {
        await using var app = await ReceiverApp.StartAsync();
        var capture = await CaptureAsync(app);

        using var first = await app.Client.SendAsync(capture.ToHttpRequestMessage(), TestContext.Current.CancellationToken);
        using var again = await app.Client.SendAsync(capture.ToHttpRequestMessage(), TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"processed"}""", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("""{"status":"duplicate"}""", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SendCaptureAsync_AfterTheToleranceWindow_IsRefusedAndResignedIsProcessed()
    {
        await using var app = await ReceiverApp.StartAsync();
        var capture = await CaptureAsync(app);
        var file = await capture.SaveAsync(Directory.CreateTempSubdirectory().FullName, TestContext.Current.CancellationToken);
        app.Time.Advance(TimeSpan.FromMinutes(6));

        using var asIs = await app.Client.SendCaptureAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        var builder = WebhookCapture.Load(file).Resign(WebhookProviders.Find("standard-webhooks")!.CreateScheme(ReceiverApp.Secret)).WithTimeProvider(app.Time);
        using var resigned = await builder.SendAsync(app.Client, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, asIs.StatusCode);
        Assert.Equal("""{"status":"processed"}""", await resigned.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Resign_KeepsOtherHeadersAndReplacesTheSignatureHeaders()
    {
        await using var app = await ReceiverApp.StartAsync();
        var capture = await CaptureAsync(app);

        using var message = capture.Resign(WebhookProviders.Find("standard-webhooks")!.CreateScheme(ReceiverApp.Secret)).WithTimeProvider(app.Time).Build();

        Assert.Equal("t-1", Assert.Single(message.Headers.GetValues("X-Trace")));
        Assert.NotEqual(capture.Headers["webhook-id"], message.Headers.GetValues("webhook-id").ToArray());
        Assert.Single(message.Headers.GetValues("webhook-signature"));
        Assert.Equal("/webhooks?from=capture", message.RequestUri!.OriginalString);
        Assert.Equal(capture.Body, await message.Content!.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void GetTarget_UrlWithoutQuery_AppendsTheCapturedQuery()
    {
        var capture = WebhookCapture.Create("POST", "/hooks", "?a=1", [], Encoding.UTF8.GetBytes("{}"), DateTimeOffset.UnixEpoch);

        Assert.Equal("http://h/x?a=1", capture.GetTarget("http://h/x"));
        Assert.Equal("http://h/x?b=2", capture.GetTarget("http://h/x?b=2"));
        Assert.Equal("/hooks?a=1", capture.GetTarget(null));
    }
}
