using System.Diagnostics;
using WebhookReceiver.Cli.Tests.Infrastructure;

namespace WebhookReceiver.Cli.Tests;

public sealed class WebhookCliTests
{
    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["sign", "--provider", "nope", "--secret", "x", "--body", "{}"], "Unknown provider 'nope'" },
        { ["sign", "--provider", "standard-webhooks", "--secret", "x"], "--body | --body-file" },
        { ["sign", "--provider", "standard-webhooks", "--secret", "x", "--body", "a", "--body-file", "b"], "only one of" },
        { ["verify", "--secret", "x", "--body", "{}"], "--provider" },
        { ["verify", "-p", "standard-webhooks", "-s", QuickstartServer.Secret, "-H", "no colon", "--body", "{}"], "is not 'Name: value'" },
        { ["send", "-p", "standard-webhooks", "-s", QuickstartServer.Secret, "--to", "localhost:5080", "--body", "{}"], "absolute http:// or https:// URL" },
        { ["send", "-p", "standard-webhooks", "-s", QuickstartServer.Secret, "--to", "http://localhost:1/", "--sample", "nope"], "has no sample 'nope'" },
        { ["listen", "--port", "70000"], "--port must be between 0 and 65535" },
        { ["replay", "does-not-exist", "--to", "http://localhost:1/"], "No capture file or folder" },
        { ["replay", ".", "--to", "http://localhost:1/", "--resign"], "--resign needs --provider and --secret or WEBHOOK_SECRET" },
        { ["replay", ".", "--to", "http://localhost:1/", "--expect", "maybe"], "'maybe'" },
        { ["sign", "-p", "standard-webhooks", "--body", "{}"], "'--secret' is required (or set WEBHOOK_SECRET)" },
        { ["replay", ".", "--to", "http://localhost:1/", "--concurrency", "0"], "--concurrency must be between 1 and 256" },
        { ["frobnicate"], "Unrecognized command or argument 'frobnicate'" },
        { [], "Required command was not provided" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Run_BadArguments_ExitsTwoWithAClearMessage(string[] args, string message)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sign")]
    [InlineData("verify")]
    [InlineData("send")]
    [InlineData("listen")]
    [InlineData("replay")]
    public async Task Help_EveryCommand_ShowsExamplesAndExitsZero(string command)
    {
        var result = await CliRunner.RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Examples:", result.Out, StringComparison.Ordinal);
        Assert.Contains($"webhook {command} ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_RealExecutable_ExitsTwoOnBadArgumentsAndZeroOnVerifiedVector()
    {
        var bad = await RunProcessAsync("sign", "--provider", "standard-webhooks");
        var good = await RunProcessAsync("verify", "-p", "standard-webhooks", "-s", QuickstartServer.Secret,
            "-H", "webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek", "-H", "webhook-timestamp: 1614265330",
            "-H", "webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "--body", "{\"test\": 2432232314}", "--now", "1614265330");

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("error:", bad.Error, StringComparison.Ordinal);
        Assert.Equal(0, good.ExitCode);
        Assert.Equal("valid", good.Out.Trim());
    }

    private static async Task<CliResult> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "webhook.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
