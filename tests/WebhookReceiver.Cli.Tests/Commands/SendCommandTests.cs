using WebhookReceiver.Cli.Tests.Infrastructure;

namespace WebhookReceiver.Cli.Tests.Commands;

/// <summary><c>webhook send</c>: the secret from WEBHOOK_SECRET and the hints on 401s and refused connections.</summary>
public sealed class SendCommandTests(QuickstartServer quickstart) : IClassFixture<QuickstartServer>
{
    [Fact]
    public async Task Send_SecretFromWebhookSecretVariable_IsProcessed()
    {
        var environment = new Dictionary<string, string> { ["WEBHOOK_SECRET"] = QuickstartServer.Secret };

        var result = await CliRunner.RunAsync(environment, "send", "-p", "standard-webhooks", "--to", quickstart.WebhookUrl, "--sample", "order.created");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("""{"status":"processed"}""", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WrongSecret_HintsToCheckTheSecret()
    {
        var environment = new Dictionary<string, string> { ["WEBHOOK_SECRET"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSX" };

        var result = await CliRunner.RunAsync(environment, "send", "-p", "standard-webhooks", "--to", quickstart.WebhookUrl, "--sample", "order.paid");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("401 Unauthorized", result.Out, StringComparison.Ordinal);
        Assert.Contains("hint: 401 means the receiver refused the signature: check that --secret / WEBHOOK_SECRET matches the receiver's secret",
            result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_NothingListening_ExitsOneAskingWhetherTheReceiverRuns()
    {
        var url = UnusedPort.Url();

        var result = await CliRunner.RunAsync("send", "-p", "standard-webhooks", "-s", QuickstartServer.Secret, "--to", url, "--sample", "order.created");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains($"hint: is the receiver running at {url}?", result.Error, StringComparison.Ordinal);
    }
}
