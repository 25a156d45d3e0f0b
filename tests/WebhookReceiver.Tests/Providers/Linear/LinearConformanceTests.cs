using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Linear;

public sealed class LinearConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Secret = "lin_wh_0123456789abcdef";

    public override WebhookProvider Provider => LinearScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "lin_wh_fedcba9876543210";

    protected override string SignatureHeader => LinearDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string Body => """{"action":"create","type":"Issue","data":{"id":"2174add1","title":"Broken build"},"url":"https://linear.app/x/issue/ENG-1"}""";

    protected override string? EventType => "Issue";

    protected override IReadOnlyList<string> UnsignedIdHeaders => [LinearDefaults.DeliveryIdHeader];


    [Fact]
    public void Options_DefaultTolerance_Is60Seconds()
        => Assert.Equal(TimeSpan.FromSeconds(60), new LinearOptions().Tolerance);

    [Fact]
    public async Task Pipeline_StaleWebhookTimestamp_Answers401WithoutRunningHandler()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });
        var signed = Sign(SigningSecret, host.Time.GetUtcNow() - TimeSpan.FromSeconds(61));

        var response = await host.Client.SendAsync(signed.ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, runs);
        Assert.Contains(host.Logs.Messages, m => m.Contains("timestamp 61 s old, tolerance 60 s", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_SignedBodyWithoutWebhookTimestamp_FailsWithMalformedBody()
    {
        var result = Verify(Signed(Body), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.MalformedBody, result.Failure);
        Assert.Contains(LinearDefaults.TimestampProperty, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_IndependentlySignedBodyWithFreshTimestamp_Succeeds()
    {
        var now = WebhookTestHost.Start;
        var body = $$"""{"action":"update","type":"Comment","webhookTimestamp":{{now.ToUnixTimeMilliseconds() - 1500}}}""";

        var result = Verify(Signed(body), now);

        Assert.True(result.Succeeded, result.Reason);
    }

    private static WebhookRequest Signed(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = new HeaderDictionary
        {
            [LinearDefaults.SignatureHeader] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), bytes)),
        };
        return new WebhookRequest("POST", null, headers, bytes);
    }
}
