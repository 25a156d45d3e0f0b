using WebhookReceiver.Cli.Tests.Infrastructure;

namespace WebhookReceiver.Cli.Tests.Commands;

/// <summary><c>webhook replay</c> against the Quickstart: <c>--expect</c>, the secret from WEBHOOK_SECRET, and the hints.</summary>
public sealed class ReplayCommandTests(QuickstartServer quickstart) : IClassFixture<QuickstartServer>
{
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task Replay_ExpectProcessedThenDuplicate_ExitsZeroWhileAnswersMatch()
    {
        var capture = await SignedCaptures.WriteAsync(Now);

        var first = await CliRunner.RunAsync("replay", capture, "--to", quickstart.WebhookUrl, "--expect", "processed");
        var second = await CliRunner.RunAsync("replay", capture, "--to", quickstart.WebhookUrl, "--expect", "duplicate");
        var third = await CliRunner.RunAsync("replay", capture, "--to", quickstart.WebhookUrl, "--expect", "refused");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("expected processed: 1 of 1 as expected", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(third.ExitCode == 0, third.ToString());
    }

    [Fact]
    public async Task Replay_ExpectProcessedButDuplicate_ExitsOneAndMarksTheDelivery()
    {
        var capture = await SignedCaptures.WriteAsync(Now);
        await CliRunner.RunAsync("replay", capture, "--to", quickstart.WebhookUrl);

        var result = await CliRunner.RunAsync("replay", capture, "--to", quickstart.WebhookUrl, "--expect", "processed");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Lines, l => l.StartsWith("200 duplicate", StringComparison.Ordinal) && l.EndsWith("(expected processed)", StringComparison.Ordinal));
        Assert.Contains("expected processed: 0 of 1 as expected", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ExpectDuplicateButProcessed_ExitsOne()
    {
        var capture = await SignedCaptures.WriteAsync(Now);

        var result = await CliRunner.RunAsync("replay", capture, "--to", quickstart.WebhookUrl, "--expect", "duplicate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("200 processed", result.Out, StringComparison.Ordinal);
        Assert.Contains("(expected duplicate)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ExpectRefusedStaleCapture_ExitsZeroOnThe401WithoutAHint()
    {
        var capture = await SignedCaptures.WriteAsync(Now.AddMinutes(-10));

        var result = await CliRunner.RunAsync("replay", capture, "--to", quickstart.WebhookUrl, "--expect", "refused");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("401 Unauthorized", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("hint:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_StaleCaptureAsCapturedWithoutExpect_ExitsOneWithTheReplayProtectionHint()
    {
        var capture = await SignedCaptures.WriteAsync(Now.AddMinutes(-10));

        var result = await CliRunner.RunAsync("replay", capture, "--to", quickstart.WebhookUrl);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("hint: replayed as captured, a 401 means", result.Error, StringComparison.Ordinal);
        Assert.Contains("--resign", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ResignWithWebhookSecretVariable_IsProcessed()
    {
        var capture = await SignedCaptures.WriteAsync(Now.AddMinutes(-10));
        var environment = new Dictionary<string, string> { ["WEBHOOK_SECRET"] = QuickstartServer.Secret };

        var result = await CliRunner.RunAsync(environment, "replay", capture, "--to", quickstart.WebhookUrl, "--resign", "-p", "standard-webhooks",
            "--expect", "processed");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("200 processed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ResignWithWrongSecret_HintsToCheckTheSecret()
    {
        var capture = await SignedCaptures.WriteAsync(Now);

        var result = await CliRunner.RunAsync("replay", capture, "--to", quickstart.WebhookUrl, "--resign", "-p", "standard-webhooks",
            "-s", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSX");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("401 Unauthorized", result.Out, StringComparison.Ordinal);
        Assert.Contains("check that --secret / WEBHOOK_SECRET matches the receiver's secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_NothingListening_ExitsOneAskingWhetherTheReceiverRuns()
    {
        var capture = await SignedCaptures.WriteAsync(Now);
        var url = UnusedPort.Url();

        var result = await CliRunner.RunAsync("replay", capture, "--to", url, "--expect", "refused");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 unreachable", result.Out, StringComparison.Ordinal);
        Assert.Contains($"hint: is the receiver running at {url}?", result.Error, StringComparison.Ordinal);
    }
}
