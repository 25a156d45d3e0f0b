using System.Text;
using System.Text.Json;
using WebhookReceiver.Cli.Samples;
using WebhookReceiver.Cli.Tests.Infrastructure;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Cli.Tests;

/// <summary>
/// Convention tests: every provider of <see cref="WebhookProviders.All"/>, including the ones added later, is available
/// in <c>sign</c>, <c>verify</c> and <c>send</c>, and has samples (its own or the generic ones).
/// </summary>
public sealed class WebhookProviderCatalogTests
{
    public static TheoryData<string> Providers => new(WebhookProviders.All.Select(p => p.Id));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignThenVerify_EveryCatalogProvider_RoundTripsThroughTheTool(string id)
    {
        var provider = WebhookProviders.Find(id)!;
        var secret = ProviderTestSecrets.SecretFor(provider);
        var sample = WebhookSampleCatalog.For(id)[0];
        var bodyFile = Path.GetTempFileName();
        var signedBody = Path.GetTempFileName();
        await File.WriteAllBytesAsync(bodyFile, sample.GetBody(), TestContext.Current.CancellationToken);
        var url = $"https://example.test/webhooks/{id}";
        string[] common = ["--provider", id, "--secret", secret, .. ProviderTestSecrets.SettingsFor(provider).SelectMany(s => new[] { "--option", s })];

        var signed = await CliRunner.RunAsync([
            "sign", .. common, "--body-file", bodyFile, "--body-out", signedBody, "--url", url,
            .. sample.EventType is null ? Array.Empty<string>() : ["--event", sample.EventType]]);
        Assert.True(signed.ExitCode == 0, signed.ToString());
        var signedUrl = SignedUrl(signed) ?? url;
        string[] received = ["--url", signedUrl, "--header", $"Content-Type: {sample.ContentType}", .. CliRunner.HeaderArgs(signed)];
        var verified = await CliRunner.RunAsync(["verify", .. common, "--body-file", signedBody, .. received]);
        var tampered = await CliRunner.RunAsync([
            "verify", .. common, "--body", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(signedBody, TestContext.Current.CancellationToken)) + " ", .. received]);

        Assert.True(verified.ExitCode == 0, $"{id}: {signed}\n{verified}");
        Assert.Equal("valid", verified.Out.Trim());
        if (ProviderTestSecrets.SignsBody(ProviderTestSecrets.CreateScheme(provider, secret)))
        {
            Assert.Equal(1, tampered.ExitCode);
            Assert.StartsWith("invalid: ", tampered.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Samples_EveryCatalogProvider_HasReadableSamples(string id)
    {
        var samples = WebhookSampleCatalog.For(id);

        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            Assert.False(string.IsNullOrWhiteSpace(sample.Name));
            Assert.NotEmpty(sample.GetBody());
            if (sample.ContentType == "application/json")
                JsonDocument.Parse(sample.GetBody()).Dispose();
            Assert.Equal(sample.GetBody(), WebhookSampleCatalog.Find(id, sample.Name)!.GetBody());
        }
    }

    [Fact]
    public void Samples_StandardWebhooks_MatchTheQuickstartPayload()
    {
        Assert.True(WebhookSampleCatalog.HasOwn("standard-webhooks"));
        using var body = JsonDocument.Parse(WebhookSampleCatalog.Find("standard-webhooks", "order.created")!.GetBody());

        Assert.Equal("order.created", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("ord_1042", body.RootElement.GetProperty("data").GetProperty("orderId").GetString());
    }

    [Fact]
    public void Samples_ProviderWithoutItsOwn_FallsBackToTheGenericSample()
    {
        Assert.False(WebhookSampleCatalog.HasOwn("not-a-provider"));
        Assert.Equal("test", WebhookSampleCatalog.For("not-a-provider")[0].Name);
    }

    [Fact]
    public async Task ProviderHelp_ListsEveryCatalogProvider()
    {
        var help = await CliRunner.RunAsync("sign", "--help");

        foreach (var provider in WebhookProviders.All)
            Assert.Contains(provider.Id, help.Out, StringComparison.Ordinal);
    }

    private static string? SignedUrl(CliResult signed)
    {
        const string marker = "the signature covers the URL ";
        var at = signed.Error.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : signed.Error[(at + marker.Length)..].Split(';')[0];
    }
}
