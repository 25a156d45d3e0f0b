using System.Net;
using System.Text.Json;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Paddle;

public sealed class PaddleConformanceTests : ProviderEnvelopeConformanceTests
{
    public override WebhookProvider Provider => PaddleScheme.Provider;

    protected override string SigningSecret => "pdl_ntfset_01hsdn8d43dt7mezr1ef2jtbaw_testSecretKey0123456789";

    protected override string OtherSigningSecret => "pdl_ntfset_01hsdn8d43dt7mezr1ef2jtbaw_otherSecretKey987654321";

    protected override string SignatureHeader => PaddleDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string? ExpectedDeliveryId => "ntf_01h";

    protected override string Body => """{"event_id":"evt_01h","event_type":"transaction.completed","occurred_at":"2026-11-27T12:00:00.000000Z","notification_id":"ntf_01h","data":{"id":"txn_01h"}}""";

    protected override string? EventType => "transaction.completed";

    [Fact]
    public void Options_Default_ToleranceIsFiveSeconds()
        => Assert.Equal(TimeSpan.FromSeconds(5), new PaddleOptions().Tolerance);

    [Fact]
    public void Verify_SixSecondsOldWithDefaultTolerance_FailsWithTimestampTooOld()
    {
        var now = WebhookTestHost.Start;

        var result = Verify(ToRequest(Sign(SigningSecret, now.AddSeconds(-6))), now);

        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, result.Failure);
        Assert.Equal("timestamp 6 s old, tolerance 5 s", result.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Verify_SeveralH1WithOneMatching_Succeeds(int position)
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var entries = new List<string> { H1(Sign(OtherSigningSecret, now)), H1(Sign("pdl_ntfset_third_secret_key_0000000000", now)) };
        entries.Insert(position, H1(signed));
        var header = $"ts={now.ToUnixTimeSeconds()};" + string.Join(';', entries.Select(e => "h1=" + e));

        var result = Verify(ToRequest(signed, h => h[SignatureHeader] = header), now);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Verify_SeveralH1NoneMatching_ReportsHowManyWereTried()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var header = $"ts={now.ToUnixTimeSeconds()};h1={H1(Sign(OtherSigningSecret, now))};h1={new string('0', 64)}";

        var result = Verify(ToRequest(signed, h => h[SignatureHeader] = header), now);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Contains("none of 2 signature(s)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CommaSeparatedLikeStripe_FailsWithMalformedHeader()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);

        var result = Verify(ToRequest(signed, h => h[SignatureHeader] = $"ts={now.ToUnixTimeSeconds()},h1={H1(signed)}"), now);

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, result.Failure);
    }

    private static string H1(WebhookSignedRequest signed)
    {
        var header = signed.Headers.Single(h => h.Key == PaddleDefaults.SignatureHeader).Value;
        return header[(header.IndexOf("h1=", StringComparison.Ordinal) + 3)..];
    }
}
