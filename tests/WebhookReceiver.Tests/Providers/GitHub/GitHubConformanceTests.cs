using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.GitHub;

public sealed class GitHubConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Secret = "It's a Secret to Everybody";
    private const string HelloBody = "Hello, World!";

    public override WebhookProvider Provider => GitHubScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "another secret";

    protected override string SignatureHeader => GitHubDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string? EventType => "push";

    protected override IReadOnlyList<string> UnsignedIdHeaders => [GitHubDefaults.DeliveryIdHeader];

    protected override string? UnsignedEventTypeHeader => GitHubDefaults.EventHeader;


    [Fact]
    public Task Pipeline_PingEvent_AnsweredPongWithoutHandler()
        => AssertPingIsAnsweredWithoutHandlerAsync("""{"zen":"Design for failure.","hook_id":1}""", GitHubDefaults.PingEvent);

    [Fact]
    public void Verify_LegacySha1Only_FailsByDefaultNamingTheOption()
    {
        var result = new GitHubScheme("test", new GitHubOptions { Secret = Secret }).Verify(LegacyRequest(Secret), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.MissingHeader, result.Failure);
        Assert.Contains("AllowLegacySha1", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_LegacySha1OnlyWhenEnabled_Succeeds()
    {
        var scheme = new GitHubScheme("test", new GitHubOptions { Secret = Secret, AllowLegacySha1 = true });

        var result = scheme.Verify(LegacyRequest(Secret), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Verify_LegacySha1WrongSecretWhenEnabled_FailsWithSignatureMismatch()
    {
        var scheme = new GitHubScheme("test", new GitHubOptions { Secret = Secret, AllowLegacySha1 = true });

        var result = scheme.Verify(LegacyRequest("another secret"), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void Verify_SecondSecretDuringRotation_Succeeds()
    {
        var options = new GitHubOptions { Secret = "the new secret" };
        options.Secrets.Add(Secret);
        var headers = new HeaderDictionary { [GitHubDefaults.SignatureHeader] = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" };

        var result = new GitHubScheme("test", options).Verify(new WebhookRequest("POST", null, headers, Encoding.UTF8.GetBytes(HelloBody)), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task Pipeline_Get_IsNotMappedForPostOnlySchemes()
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);

        var response = await host.Client.GetAsync(Url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static WebhookRequest LegacyRequest(string secret)
    {
#pragma warning disable CA5350 // GitHub's legacy header is HMAC-SHA1
        var signature = Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(HelloBody)));
#pragma warning restore CA5350
        var headers = new HeaderDictionary { [GitHubDefaults.LegacySignatureHeader] = "sha1=" + signature };
        return new WebhookRequest("POST", null, headers, Encoding.UTF8.GetBytes(HelloBody));
    }

    [Fact]
    public async Task Pipeline_TenThousandReplaysWithFreshDeliveryIds_AreDuplicatesUnderOneStoreEntry()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), id: "delivery-1");
        var first = await SendAsync(host, signed.ToHttpRequest(Url));
        var notDuplicate = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 10_000),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken },
            async (i, ct) =>
            {
                var answer = await SendAsync(host, WithHeaders(signed, [GitHubDefaults.DeliveryIdHeader], Guid.NewGuid().ToString()));
                if (answer != """{"status":"duplicate"}""")
                    Interlocked.Increment(ref notDuplicate);
            });

        Assert.Equal("""{"status":"processed"}""", first);
        Assert.Equal(0, notDuplicate);
        Assert.Equal(1, runs);
        Assert.Equal(1, ((WebhookReceiver.Replay.InMemoryNonceStore)host.Services.GetRequiredService<IWebhookNonceStore>()).Count);
    }
}
