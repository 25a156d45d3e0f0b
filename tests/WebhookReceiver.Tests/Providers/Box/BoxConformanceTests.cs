using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Box;

public sealed class BoxConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string PrimaryKey = "Fd28OJrZ8oNxkgmS7TbjXNgrG8vPrimary";
    private const string SecondaryKey = "KWkROAOiof4zhYUHbAmiVn63cMjSecondary";

    public override WebhookProvider Provider => BoxScheme.Provider;

    protected override string SigningSecret => PrimaryKey;

    protected override string OtherSigningSecret => "4py2I9eSFb0ezXH5iPeQRcFK1LRLCdip";

    protected override string SignatureHeader => BoxDefaults.PrimarySignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string Body => """{"type":"webhook_event","id":"evt_1001","created_at":"2024-05-01T12:00:00-07:00","trigger":"test.event","webhook":{"id":"1234567890"},"source":{"id":"1234567890","type":"file","name":"Test.txt"}}""";

    protected override string? ExpectedDeliveryId => "evt_1001";

    protected override IReadOnlyList<string> UnsignedIdHeaders => [BoxDefaults.DeliveryIdHeader];

    [Fact]
    public void Options_Default_ToleranceIs10Minutes()
        => Assert.Equal(TimeSpan.FromMinutes(10), new BoxOptions().Tolerance);

    /// <summary>Box signs the body followed by the timestamp header's exact text; the expected value is computed here.</summary>
    [Fact]
    public void Sign_IsBase64HmacOfBodyThenTimestamp()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var timestamp = HeaderOf(signed, BoxDefaults.TimestampHeader);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PrimaryKey), Encoding.UTF8.GetBytes(Body + timestamp)));

        Assert.Equal(expected, HeaderOf(signed, BoxDefaults.PrimarySignatureHeader));
        Assert.True(DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, out var parsed));
        Assert.Equal(now.ToUnixTimeSeconds(), parsed.ToUnixTimeSeconds());
    }

    [Fact]
    public void Verify_EitherHeaderMatchingEitherKey_Succeeds()
    {
        var now = new DateTimeOffset(2024, 5, 1, 19, 0, 0, TimeSpan.Zero);
        const string timestamp = "2024-05-01T12:00:00-07:00";
        var primary = BoxSignature(PrimaryKey, timestamp);
        var secondary = BoxSignature(SecondaryKey, timestamp);
        var garbage = BoxSignature("regenerated-primary-not-yet-configured", timestamp);

        // The receiver knows both keys; Box signs with both.
        Assert.True(VerifyWith([PrimaryKey, SecondaryKey], now, timestamp, primary, secondary).Succeeded);
        // The primary key was regenerated and the receiver only knows the secondary one: the secondary header passes.
        Assert.True(VerifyWith([SecondaryKey], now, timestamp, garbage, secondary).Succeeded);
        // Only the primary header is sent, signed with a key the receiver lists second.
        Assert.True(VerifyWith([SecondaryKey, PrimaryKey], now, timestamp, primary, null).Succeeded);
        // Neither matches.
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, VerifyWith([SecondaryKey], now, timestamp, garbage, garbage).Failure);
        // The timestamp is part of what is signed.
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch,
            VerifyWith([PrimaryKey], now, "2024-05-01T12:00:01-07:00", primary, secondary).Failure);
    }

    [Fact]
    public void Verify_NoTimestampHeader_FailsWithMissingHeaderNamingIt()
    {
        var now = WebhookTestHost.Start;
        var result = Verify(ToRequest(Sign(SigningSecret, now), h => h.Remove(BoxDefaults.TimestampHeader)), now);
        Assert.Equal(WebhookVerificationFailure.MissingHeader, result.Failure);
        Assert.Contains(BoxDefaults.TimestampHeader, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoSignatureHeaders_NamesBothHeaders()
    {
        var now = WebhookTestHost.Start;
        var result = Verify(WithoutSignature(Sign(SigningSecret, now)), now);
        Assert.Contains(BoxDefaults.PrimarySignatureHeader, result.Reason, StringComparison.Ordinal);
        Assert.Contains(BoxDefaults.SecondarySignatureHeader, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDelivery_BodyIdAndTriggerAreSigned_DeliveryIdHeaderIsIgnored()
    {
        var signed = Sign(SigningSecret, WebhookTestHost.Start);
        var result = CreateScheme(SigningSecret).Verify(ToRequest(signed, h => h[BoxDefaults.DeliveryIdHeader] = "forged"), WebhookTestHost.Start);
        Assert.True(result.Succeeded, result.Reason);
        var e = result.Delivery!.Whole;
        Assert.Equal((WebhookValue.FromSigned("evt_1001"), WebhookValue.FromSigned("test.event")), (e.Id, e.EventType));
    }

    private WebhookVerificationResult VerifyWith(string[] keys, DateTimeOffset now, string timestamp, string? primary, string? secondary)
    {
        var options = new BoxOptions();
        foreach (var key in keys)
            options.Secrets.Add(key);
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary { [BoxDefaults.TimestampHeader] = timestamp };
        if (primary is not null)
            headers[BoxDefaults.PrimarySignatureHeader] = primary;
        if (secondary is not null)
            headers[BoxDefaults.SecondarySignatureHeader] = secondary;
        return new BoxScheme(SchemeName, options).Verify(new WebhookRequest("POST", Url, headers, Encoding.UTF8.GetBytes(Body)), now);
    }

    private string BoxSignature(string key, string timestamp)
        => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(Body + timestamp)));
}
