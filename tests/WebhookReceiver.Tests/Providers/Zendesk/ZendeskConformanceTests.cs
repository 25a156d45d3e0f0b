using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Zendesk;

public sealed class ZendeskConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Secret = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ";

    public override WebhookProvider Provider => ZendeskScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "another-zendesk-signing-secret";

    protected override string SignatureHeader => ZendeskDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string Body => """{"type":"zen:event-type:ticket.created","account_id":12514403,"id":"2b24ef10-19d4-4740-93cf-8f98ec4776c0","time":"2024-05-01T12:00:00Z","zendesk_event_version":"2022-11-06","subject":"zen:ticket:5158","detail":{"id":"5158","status":"NEW"}}""";

    protected override string? EventType => "zen:event-type:ticket.created";

    protected override string? ExpectedDeliveryId => null;

    [Fact]
    public void Verify_Base64SignatureOfTimestampAndBodyComputedIndependently_Succeeds()
    {
        const string timestamp = "2026-01-01T00:00:00Z";
        var body = Encoding.UTF8.GetBytes(Body);
        var headers = new HeaderDictionary
        {
            [ZendeskDefaults.TimestampHeader] = timestamp,
            [ZendeskDefaults.SignatureHeader] = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + Body))),
        };

        var result = new ZendeskScheme("test", new ZendeskOptions { Secret = Secret })
            .Verify(new WebhookRequest("POST", null, headers, body), DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture).AddSeconds(30));

        Assert.True(result.Succeeded);
        Assert.Equal("zen:event-type:ticket.created", result.Delivery!.Whole.EventType.Value);
        Assert.True(result.Delivery.Whole.EventType.IsSigned);
    }
}
