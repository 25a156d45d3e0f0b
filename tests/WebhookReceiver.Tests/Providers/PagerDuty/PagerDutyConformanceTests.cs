using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.PagerDuty;

public sealed class PagerDutyConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Secret = "pagerduty-subscription-secret-1";

    public override WebhookProvider Provider => PagerDutyScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "pagerduty-subscription-secret-2";

    protected override string SignatureHeader => PagerDutyDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """{"event":{"id":"01DEN1HNLBC1VITUQ6RXIBEY3F","event_type":"incident.triggered","resource_type":"incident","occurred_at":"2024-05-01T12:00:00.000Z","agent":null,"client":null,"data":{"id":"PGR0VU2","type":"incident","title":"A little bump in the road"}}}""";

    protected override string? EventType => "incident.triggered";

    protected override string? ExpectedDeliveryId => "01DEN1HNLBC1VITUQ6RXIBEY3F";

    [Fact]
    public void Verify_SeveralSignaturesOneComputedIndependently_Succeeds()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var right = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        var wrong = Convert.ToHexStringLower(HMACSHA256.HashData("rotated-away"u8.ToArray(), body));
        var headers = new HeaderDictionary { [PagerDutyDefaults.SignatureHeader] = $"v1={wrong},v1={right}" };

        var result = new PagerDutyScheme("test", new PagerDutyOptions { Secret = Secret }).Verify(new WebhookRequest("POST", null, headers, body), WebhookTestHost.Start);

        Assert.True(result.Succeeded);
        Assert.Equal("01DEN1HNLBC1VITUQ6RXIBEY3F", result.Delivery!.Whole.Id.Value);
        Assert.True(result.Delivery.Whole.Id.IsSigned);
        Assert.Equal("incident.triggered", result.Delivery.Whole.EventType.Value);
    }

    [Fact]
    public void Verify_OnlyWrongSignatures_Fails()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var wrong = Convert.ToHexStringLower(HMACSHA256.HashData("rotated-away"u8.ToArray(), body));
        var headers = new HeaderDictionary { [PagerDutyDefaults.SignatureHeader] = $"v1={wrong},v1={wrong}" };

        var result = new PagerDutyScheme("test", new PagerDutyOptions { Secret = Secret }).Verify(new WebhookRequest("POST", null, headers, body), WebhookTestHost.Start);

        Assert.False(result.Succeeded);
    }
}
