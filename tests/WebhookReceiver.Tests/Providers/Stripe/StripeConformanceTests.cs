using System.Net;
using System.Text.Json;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Stripe;

public sealed class StripeConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string InvoicePaid = """{"id":"evt_1PaidInvoice","object":"event","type":"invoice.paid","data":{"object":{"id":"in_1","amount_paid":1250}}}""";

    public override WebhookProvider Provider => StripeScheme.Provider;

    protected override string SigningSecret => "whsec_test_8f3b2c1d9e7a6f5b4c3d2e1f0a9b8c7d";

    protected override string OtherSigningSecret => "whsec_test_00000000000000000000000000000000";

    protected override string SignatureHeader => StripeDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string? ExpectedDeliveryId => "evt_1001";

    [Fact]
    public void Options_Default_ToleranceIs300Seconds()
        => Assert.Equal(TimeSpan.FromSeconds(300), new StripeOptions().Tolerance);

    [Fact]
    public void Verify_SeveralV1WithTheLastMatching_Succeeds()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var good = V1(signed);
        var stale = V1(Sign(OtherSigningSecret, now));
        var header = $"t={now.ToUnixTimeSeconds()},v1={stale},v1={good}";

        var result = Verify(ToRequest(signed, h => h[SignatureHeader] = header), now);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Verify_SecretRotation_AcceptsEitherConfiguredSecret()
    {
        var now = WebhookTestHost.Start;
        var options = new StripeOptions { Secret = OtherSigningSecret };
        options.Secrets.Add(SigningSecret);
        var scheme = new StripeScheme("test", options);

        var result = scheme.Verify(ToRequest(Sign(SigningSecret, now)), now);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Verify_OnlyV0Signature_FailsWithMalformedHeader()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var header = $"t={now.ToUnixTimeSeconds()},v0={V1(signed)}";

        var result = Verify(ToRequest(signed, h => h[SignatureHeader] = header), now);

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, result.Failure);
        Assert.Contains("no v1=", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoTimestamp_FailsWithMalformedHeader()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);

        var result = Verify(ToRequest(signed, h => h[SignatureHeader] = "v1=" + V1(signed)), now);

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, result.Failure);
    }

    [Fact]
    public async Task Pipeline_OnlyV0Signature_Answers401WithoutRunningHandler()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);
        var signed = Sign(SigningSecret, host.Time.GetUtcNow());
        var message = signed.ToHttpRequest(Url);
        message.Headers.Remove(SignatureHeader);
        message.Headers.TryAddWithoutValidation(SignatureHeader, $"t={host.Time.GetUtcNow().ToUnixTimeSeconds()},v0={V1(signed)}");

        var response = await host.Client.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, handler.Runs);
    }

    [Fact]
    public async Task Pipeline_EventTypeAndId_ReachTheHandlerOfThatType()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, "invoice.paid", SchemeName, Path);
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), InvoicePaid);

        var response = await host.Client.SendAsync(signed.ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = handler.Last;
        Assert.NotNull(received);
        Assert.Equal("evt_1PaidInvoice", received.DeliveryId);
        Assert.Equal("invoice.paid", received.EventType);
        Assert.Equal(1250, received.Payload.GetProperty("data").GetProperty("object").GetProperty("amount_paid").GetInt32());
        Assert.Equal(host.Time.GetUtcNow().ToUnixTimeSeconds(), received.Timestamp!.Value.ToUnixTimeSeconds());
    }

    private static string V1(WebhookSignedRequest signed)
    {
        var header = signed.Headers.Single(h => h.Key == StripeDefaults.SignatureHeader).Value;
        return header[(header.IndexOf("v1=", StringComparison.Ordinal) + 3)..];
    }
}
