using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WebhookReceiver.Cli.Tests.Infrastructure;

namespace WebhookReceiver.Cli.Tests;

/// <summary>The tool against the Quickstart on a real Kestrel port: send, listen with forward, replay as-is and re-signed.</summary>
public sealed class EndToEndTests(QuickstartServer quickstart) : IClassFixture<QuickstartServer>
{
    private const string Provider = "standard-webhooks";

    [Fact]
    public async Task Send_SampleToQuickstart_IsProcessed()
    {
        var result = await CliRunner.RunAsync("send", "-p", Provider, "-s", QuickstartServer.Secret, "--to", quickstart.WebhookUrl, "--sample", "order.created");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("200 OK in ", result.Out, StringComparison.Ordinal);
        Assert.Contains("""{"status":"processed"}""", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WrongSecret_ExitsOneWithThe401()
    {
        var result = await CliRunner.RunAsync("send", "-p", Provider, "-s", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSX", "--to", quickstart.WebhookUrl, "--sample", "order.paid");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("401 Unauthorized", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenForwardReplay_JsonDelivery_CapturedByteForByteThenDuplicateThenProcessedWhenResigned()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"order.created\",\"data\":{\"orderId\":\"ord_é\",\"amount\":1.50}}\n");
        await using var listen = await ListenSession.StartAsync(quickstart.WebhookUrl);

        var sent = await CliRunner.RunAsync("send", "-p", Provider, "-s", QuickstartServer.Secret,
            "--to", new Uri(listen.Address, "/webhooks/standard").AbsoluteUri, "--body-file", await WriteTempAsync(body));

        Assert.True(sent.ExitCode == 0, sent.ToString());
        Assert.Contains("processed", sent.Out, StringComparison.Ordinal);
        var file = Assert.Single(listen.CaptureFiles());
        var capture = WebhookCapture.Load(file);
        Assert.Equal(body, capture.Body);
        Assert.Equal("/webhooks/standard", capture.Path);
        Assert.Equal((200, "processed"), (capture.StatusCode, capture.Outcome));
        Assert.Equal(Encoding.UTF8.GetString(body), capture.BodyText);

        var asIs = await CliRunner.RunAsync("replay", listen.Directory, "--to", quickstart.WebhookUrl);
        Assert.Contains("200 duplicate", asIs.Out, StringComparison.Ordinal);
        Assert.Contains("1 replayed (as captured): 1 2xx, 0 not 2xx [1 duplicate]", asIs.Out, StringComparison.Ordinal);

        var resigned = await CliRunner.RunAsync("replay", file, "--to", quickstart.WebhookUrl, "--resign", "-p", Provider, "-s", QuickstartServer.Secret);
        Assert.True(resigned.ExitCode == 0, resigned.ToString());
        Assert.Contains("200 processed", resigned.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenForwardReplay_StaleDelivery_CapturedThen401AsIsThenProcessedWhenResigned()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"order.paid\",\"data\":{\"orderId\":\"ord_7\"}}\r\n");
        var tenMinutesAgo = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(-10));
        await using var listen = await ListenSession.StartAsync(quickstart.WebhookUrl);

        var sent = await CliRunner.RunAsync(tenMinutesAgo, "send", "-p", Provider, "-s", QuickstartServer.Secret,
            "--to", new Uri(listen.Address, "/webhooks/standard?source=test").AbsoluteUri, "--body-file", await WriteTempAsync(body));

        Assert.Equal(1, sent.ExitCode);
        var capture = WebhookCapture.Load(Assert.Single(listen.CaptureFiles()));
        Assert.Equal(body, capture.Body);
        Assert.Equal("?source=test", capture.Query);
        Assert.Equal(401, capture.StatusCode);

        var asIs = await CliRunner.RunAsync("replay", listen.Directory, "--to", quickstart.WebhookUrl);
        Assert.Equal(1, asIs.ExitCode);
        Assert.Contains("401 Unauthorized", asIs.Out, StringComparison.Ordinal);

        var resigned = await CliRunner.RunAsync("replay", listen.Directory, "--to", quickstart.WebhookUrl, "--resign", "-p", Provider,
            "-s", QuickstartServer.Secret, "--concurrency", "4");
        Assert.True(resigned.ExitCode == 0, resigned.ToString());
        Assert.Contains("200 processed", resigned.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_BinaryBody_CapturesTheExactBytesWithoutATextCopy()
    {
        byte[] body = [0xFF, 0xFE, 0x00, 0x01, 0x80, (byte)'\n'];
        await using var listen = await ListenSession.StartAsync(quickstart.WebhookUrl);

        var sent = await CliRunner.RunAsync("send", "-p", Provider, "-s", QuickstartServer.Secret, "--content-type", "application/octet-stream",
            "--to", new Uri(listen.Address, "/webhooks/standard").AbsoluteUri, "--body-file", await WriteTempAsync(body));

        Assert.Contains("400 Bad Request", sent.Out, StringComparison.Ordinal); // verified, but not an OrderEvent
        var capture = WebhookCapture.Load(Assert.Single(listen.CaptureFiles()));
        Assert.Equal(body, capture.Body);
        Assert.Null(capture.BodyText);
        Assert.Equal(["application/octet-stream"], capture.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Replay_ManyCapturesConcurrently_PrintsOneLinePerDeliveryAndTheSummary()
    {
        var directory = Directory.CreateTempSubdirectory("webhook-replay-").FullName;
        for (var i = 0; i < 5; i++)
        {
            var capture = WebhookCapture.Create("POST", "/webhooks/standard", null, [],
                Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"order.created\",\"data\":{{\"orderId\":\"ord_{i}\"}}}}")),
                TimeProvider.System.GetUtcNow());
            await capture.SaveAsync(directory, TestContext.Current.CancellationToken);
        }

        var result = await CliRunner.RunAsync("replay", directory, "--to", quickstart.WebhookUrl, "--resign", "-p", Provider,
            "-s", QuickstartServer.Secret, "-c", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, result.Lines.Count(l => l.StartsWith("200 processed", StringComparison.Ordinal)));
        Assert.Contains("5 replayed (re-signed): 5 2xx, 0 not 2xx [5 processed]", result.Out, StringComparison.Ordinal);
    }

    private static async Task<string> WriteTempAsync(byte[] body)
    {
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, body, TestContext.Current.CancellationToken);
        return path;
    }
}
