using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.DocuSign;

public sealed class DocuSignConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string ConnectKey = "mO0Zk7vJ2qG8xR5tY1uW3eA6sD9fH4jK+Lp/Nb=";

    private const string Completed = """{"event":"envelope-completed","apiVersion":"v2.1","uri":"/restapi/v2.1/accounts/7f9a/envelopes/93be49ab-afa0-4adf-933c-f752070d71ec","retryCount":0,"configurationId":10418,"generatedDateTime":"2024-05-01T12:00:00.1234567Z","data":{"accountId":"7f9a","userId":"1c2d","envelopeId":"93be49ab-afa0-4adf-933c-f752070d71ec"}}""";

    public override WebhookProvider Provider => DocuSignScheme.Provider;

    protected override string SigningSecret => ConnectKey;

    protected override string OtherSigningSecret => "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe+Dc/Ba=";

    protected override string SignatureHeader => DocuSignDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => Completed.Replace("envelope-completed", "test.event", StringComparison.Ordinal);

    protected override string? ExpectedDeliveryId => "10418:93be49ab-afa0-4adf-933c-f752070d71ec:test.event:2024-05-01T12:00:00.1234567Z";

    [Fact]
    public void Sign_IsBase64HmacOfTheBodyInSignature1()
    {
        var signed = Sign(SigningSecret, WebhookTestHost.Start, Completed);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ConnectKey), Encoding.UTF8.GetBytes(Completed)));
        Assert.Equal(expected, HeaderOf(signed, "X-DocuSign-Signature-1"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(100)]
    public void Verify_MatchingSignatureInAnyNumberedHeader_Succeeds(int number)
    {
        var headers = new HeaderDictionary();
        for (var i = 1; i < number; i++)
            headers[$"X-DocuSign-Signature-{i}"] = Expected("key-of-another-listener-" + i);
        headers[$"X-DocuSign-Signature-{number}"] = Expected(ConnectKey);

        var result = Verify(new WebhookRequest("POST", Url, headers, Encoding.UTF8.GetBytes(Completed)), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Verify_SignatureBeyondHeader100_IsNotRead()
    {
        var headers = new HeaderDictionary { ["X-DocuSign-Signature-101"] = Expected(ConnectKey) };
        var result = Verify(new WebhookRequest("POST", Url, headers, Encoding.UTF8.GetBytes(Completed)), WebhookTestHost.Start);
        Assert.Equal(WebhookVerificationFailure.MissingHeader, result.Failure);
    }

    [Fact]
    public void Verify_NoneOfSeveralHeadersMatches_FailsWithSignatureMismatch()
    {
        var headers = new HeaderDictionary
        {
            ["X-DocuSign-Signature-1"] = Expected("old-key"),
            ["X-DocuSign-Signature-2"] = Expected("other-key"),
        };
        var result = Verify(new WebhookRequest("POST", Url, headers, Encoding.UTF8.GetBytes(Completed)), WebhookTestHost.Start);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Contains("2 signature(s)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDelivery_IdIsBuiltFromSignedFields_EventIsSigned()
    {
        var e = Read(Sign(SigningSecret, WebhookTestHost.Start, Completed));
        Assert.Equal(WebhookValue.FromSigned("10418:93be49ab-afa0-4adf-933c-f752070d71ec:envelope-completed:2024-05-01T12:00:00.1234567Z"), e.Id);
        Assert.Equal(WebhookValue.FromSigned("envelope-completed"), e.EventType);
    }

    [Fact]
    public void ReadDelivery_BodyWithoutEnvelope_IsKeyedByTheSignedBody()
    {
        const string body = """{"event":"template-created","configurationId":10418,"generatedDateTime":"2024-05-01T12:00:00Z","data":{"templateId":"t1"}}""";
        var e = Read(Sign(SigningSecret, WebhookTestHost.Start, body));
        Assert.Null(e.Id.Value);
        Assert.Equal(WebhookReplayKeys.ForSignedContent(Encoding.UTF8.GetBytes(body)), e.ReplayKey);
    }

    [Fact]
    public async Task Pipeline_RetryWithHigherRetryCount_IsADuplicate()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });
        var first = Sign(SigningSecret, host.Time.GetUtcNow(), Completed);
        var retry = Sign(SigningSecret, host.Time.GetUtcNow(), Completed.Replace("\"retryCount\":0", "\"retryCount\":1", StringComparison.Ordinal));

        var a = await SendAsync(host, first.ToHttpRequest(Url, ContentType));
        var b = await SendAsync(host, retry.ToHttpRequest(Url, ContentType));

        Assert.Equal("""{"status":"processed"}""", a);
        Assert.Equal("""{"status":"duplicate"}""", b);
        Assert.Equal(1, runs);
    }

    private static string Expected(string key)
        => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(Completed)));
}
