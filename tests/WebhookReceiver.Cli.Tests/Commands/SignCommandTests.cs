using WebhookReceiver.Cli.Tests.Infrastructure;

namespace WebhookReceiver.Cli.Tests.Commands;

public sealed class SignCommandTests
{
    [Fact]
    public async Task Sign_PublishedVectorInputs_PrintsThePublishedSignature()
    {
        var result = await CliRunner.RunAsync("sign", "--provider", "standard-webhooks", "--secret", QuickstartServer.Secret,
            "--body", "{\"test\": 2432232314}", "--id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "--timestamp", "1614265330");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp: 1614265330", "webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="],
            result.Lines);
    }

    [Fact]
    public async Task Sign_NoSecretOption_ReadsWebhookSecretVariable()
    {
        var environment = new Dictionary<string, string> { ["WEBHOOK_SECRET"] = QuickstartServer.Secret };

        var result = await CliRunner.RunAsync(environment, "sign", "--provider", "standard-webhooks",
            "--body", "{\"test\": 2432232314}", "--id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "--timestamp", "1614265330");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", result.Lines);
    }

    [Fact]
    public async Task Sign_SecretOptionAndVariable_TheOptionWins()
    {
        var environment = new Dictionary<string, string> { ["WEBHOOK_SECRET"] = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" };

        var result = await CliRunner.RunAsync(environment, "sign", "-p", "standard-webhooks", "-s", QuickstartServer.Secret,
            "--body", "{\"test\": 2432232314}", "--id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "--timestamp", "1614265330");

        Assert.Contains("webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", result.Lines);
    }

    [Fact]
    public async Task Sign_BodyFile_SignsTheExactBytes()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "{\"test\": 2432232314}", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("sign", "-p", "standard-webhooks", "-s", QuickstartServer.Secret,
            "--body-file", file, "--id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "--timestamp", "1614265330");

        Assert.Contains("webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", result.Lines);
    }

    [Fact]
    public async Task Sign_MalformedSecret_ExitsTwoWithTheReason()
    {
        var result = await CliRunner.RunAsync("sign", "-p", "standard-webhooks", "-s", "whsec_%%%", "--body", "{}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not valid base64 after 'whsec_'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_PublicKeyOnly_ExitsTwoExplainingItCannotSign()
    {
        var result = await CliRunner.RunAsync("sign", "-p", "standard-webhooks", "-s", "whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=", "--body", "{}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot sign", result.Error, StringComparison.Ordinal);
    }
}
