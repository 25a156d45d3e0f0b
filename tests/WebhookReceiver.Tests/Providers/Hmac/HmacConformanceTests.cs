using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Hmac;

/// <summary>The generic scheme, configured as a partner that signs <c>{id}.{timestamp}.{body}</c> with rotation.</summary>
public sealed class HmacConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Secret = "partner-shared-secret";

    public override WebhookProvider Provider => HmacScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "partner-other-secret";

    protected override string SignatureHeader => "X-Partner-Signature";

    protected override bool SignsTimestamp => true;

    protected override string? EventType => "test.event";

    protected override void Configure(WebhookSchemeOptions options)
    {
        var hmac = (HmacOptions)options;
        hmac.SignatureHeader = "X-Partner-Signature";
        hmac.SignaturePrefix = "sha512=";
        hmac.SignatureSeparator = ",";
        hmac.Algorithm = WebhookHmacAlgorithm.Sha512;
        hmac.Encoding = WebhookSignatureEncoding.Base64;
        hmac.SignedContent = "{id}.{timestamp}.{body}";
        hmac.DeliveryIdHeader = "X-Partner-Id";
        hmac.TimestampHeader = "X-Partner-Timestamp";
        hmac.EventTypeProperty = "type";
    }

    [Fact]
    public void Verify_ConfiguredLikeGitHub_MatchesGitHubVectors()
    {
        foreach (var vector in VectorFile.Load("github"))
        {
            var scheme = new HmacScheme("github-like", new HmacOptions
            {
                Secret = vector.Secret,
                SignatureHeader = "X-Hub-Signature-256",
                SignaturePrefix = "sha256=",
                DeliveryIdHeader = "X-GitHub-Delivery",
                EventTypeHeader = "X-GitHub-Event",
            });

            var result = scheme.Verify(ToRequest(vector), WebhookTestHost.Start);

            Assert.True(vector.Valid == result.Succeeded, $"vector '{vector.Name}': expected valid={vector.Valid}, got {result}");
        }
    }

    [Fact]
    public void Verify_ConfiguredLikeStandardWebhooks_MatchesV1Vectors()
    {
        var vectors = VectorFile.Load("standard-webhooks").Where(v => v.Secret.StartsWith("whsec_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(vectors);
        foreach (var vector in vectors)
        {
            var scheme = new HmacScheme("standard-like", new HmacOptions
            {
                Secret = vector.Secret,
                SecretPrefix = "whsec_",
                SecretEncoding = HmacSecretEncoding.Base64,
                SignatureHeader = "webhook-signature",
                SignaturePrefix = "v1,",
                SignatureSeparator = " ",
                Encoding = WebhookSignatureEncoding.Base64,
                SignedContent = "{id}.{timestamp}.{body}",
                DeliveryIdHeader = "webhook-id",
                TimestampHeader = "webhook-timestamp",
            });

            var result = scheme.Verify(ToRequest(vector), DateTimeOffset.FromUnixTimeSeconds(vector.Now!.Value));

            Assert.True(vector.Valid == result.Succeeded, $"vector '{vector.Name}': expected valid={vector.Valid}, got {result}");
        }
    }

    [Theory]
    [InlineData(",", true)]
    [InlineData(null, false)]
    public void Verify_SeveralSignaturesInHeader_MatchOnlyWithSeparator(string? separator, bool valid)
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var good = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        var headers = new HeaderDictionary { ["X-Sig"] = $"sha256={new string('0', 64)},sha256={good}" };
        var scheme = new HmacScheme("test", new HmacOptions { Secret = Secret, SignatureHeader = "X-Sig", SignaturePrefix = "sha256=", SignatureSeparator = separator });

        var result = scheme.Verify(new WebhookRequest("POST", null, headers, body), WebhookTestHost.Start);

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void Verify_LiteralBracesInTemplate_SignContentWithBraces()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var content = Encoding.UTF8.GetBytes("{1732708800}:" + Body);
        var headers = new HeaderDictionary
        {
            ["X-Sig"] = Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(Secret), content)),
            ["X-Ts"] = "1732708800",
        };
        var scheme = new HmacScheme("test", new HmacOptions
        {
            Secret = Secret,
            SignatureHeader = "X-Sig",
            Algorithm = WebhookHmacAlgorithm.Sha512,
            SignedContent = "{{{timestamp}}}:{body}",
            TimestampHeader = "X-Ts",
        });

        var result = scheme.Verify(new WebhookRequest("POST", null, headers, body), DateTimeOffset.FromUnixTimeSeconds(1732708800));

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Verify_MillisecondTimestampPropertyInBody_IsCheckedAfterSignature()
    {
        var now = WebhookTestHost.Start;
        var options = new HmacOptions
        {
            Secret = Secret,
            SignatureHeader = "X-Sig",
            TimestampProperty = "sentAt",
            TimestampUnit = HmacTimestampUnit.Milliseconds,
            Tolerance = TimeSpan.FromSeconds(30),
        };
        var scheme = new HmacScheme("test", options);
        var fresh = scheme.Sign(new WebhookSigningRequest { Body = """{"a":1}"""u8.ToArray(), Timestamp = now - TimeSpan.FromSeconds(10) });
        var stale = scheme.Sign(new WebhookSigningRequest { Body = """{"a":1}"""u8.ToArray(), Timestamp = now - TimeSpan.FromSeconds(31) });

        Assert.True(scheme.Verify(ToRequest(fresh), now).Succeeded);
        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, scheme.Verify(ToRequest(stale), now).Failure);
        Assert.Contains("\"sentAt\":", Encoding.UTF8.GetString(fresh.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TimestampHeaderNotDigits_FailsWithMalformedHeader()
    {
        var now = WebhookTestHost.Start;
        var result = Verify(ToRequest(Sign(SigningSecret, now), h => h["X-Partner-Timestamp"] = "2026-11-27T12:00:00Z"), now);

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, result.Failure);
        Assert.Equal("X-Partner-Timestamp is not Unix seconds", result.Reason);
    }

    [Fact]
    public void Verify_MissingIdHeaderUsedByTemplate_FailsWithMissingHeader()
    {
        var now = WebhookTestHost.Start;
        var result = Verify(ToRequest(Sign(SigningSecret, now), h => h.Remove("X-Partner-Id")), now);

        Assert.Equal(WebhookVerificationFailure.MissingHeader, result.Failure);
        Assert.Equal("no X-Partner-Id header", result.Reason);
    }

    [Fact]
    public void Constructor_Base64SecretThatIsNot_ThrowsFormatExceptionWithoutTheSecret()
    {
        var options = new HmacOptions { Secret = "not base64 at all!", SignatureHeader = "X-Sig", SecretEncoding = HmacSecretEncoding.Base64 };

        var error = Assert.Throws<FormatException>(() => new HmacScheme("test", options));

        Assert.Contains("not valid base64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not base64 at all!", error.Message, StringComparison.Ordinal);
    }

    private static WebhookRequest ToRequest(VectorCase vector)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in vector.Headers)
            headers[name] = value;
        return new WebhookRequest(vector.Method, vector.Url, headers, Encoding.UTF8.GetBytes(vector.Body));
    }
}
