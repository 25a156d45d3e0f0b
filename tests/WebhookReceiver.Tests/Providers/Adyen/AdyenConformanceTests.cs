using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Adyen;

public sealed class AdyenConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string HmacKey = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";

    public override WebhookProvider Provider => AdyenScheme.Provider;

    protected override string SigningSecret => HmacKey;

    protected override string OtherSigningSecret => "0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0";

    protected override string SignatureHeader => AdyenDefaults.SignatureProperty;

    protected override bool SignsTimestamp => false;

    protected override string Body => Notification(Item("7914073381342284", "test.event"));

    protected override string? ExpectedDeliveryId => "7914073381342284:test.event:true";

    protected override string ProcessedBody => "[accepted]";

    protected override WebhookVerificationFailure MissingSignatureFailure => WebhookVerificationFailure.MalformedBody;

    protected override WebhookRequest WithoutSignature(WebhookSignedRequest delivery)
        => ToRequest(delivery, body: EditItems(delivery.Body, i => i["additionalData"]!.AsObject().Remove(AdyenDefaults.SignatureProperty)));

    protected override WebhookRequest WithSignature(WebhookSignedRequest delivery, string value)
        => ToRequest(delivery, body: EditItems(delivery.Body, i => i["additionalData"]![AdyenDefaults.SignatureProperty] = value));

    /// <summary>Adyen signs fields of each item, not the body's bytes: tampering means changing a signed field.</summary>
    protected override byte[] Tamper(ReadOnlyMemory<byte> body)
        => EditItems(body, i => i["merchantReference"] = "order-2");

    /// <summary>The base64 signature without its padding still verifies; the signed id keeps the copy a duplicate.</summary>
    protected override WebhookSignedRequest? ReencodeSignature(WebhookSignedRequest delivery)
        => delivery with { Body = EditItems(delivery.Body, i => i["additionalData"]![AdyenDefaults.SignatureProperty] = i["additionalData"]![AdyenDefaults.SignatureProperty]!.GetValue<string>().TrimEnd('=')) };

    [Fact]
    public void Sign_EachItemIsBase64HmacOfItsColonJoinedFields_UnderTheHexDecodedKey()
    {
        var signed = Sign(SigningSecret, WebhookTestHost.Start);
        var expected = Expected(HmacKey, "7914073381342284::TestMerchant:order-1:1130:EUR:test.event:true");
        var item = JsonNode.Parse(signed.Body.Span)!["notificationItems"]![0]!["NotificationRequestItem"]!;
        Assert.Equal(expected, item["additionalData"]![AdyenDefaults.SignatureProperty]!.GetValue<string>());
        Assert.Empty(signed.Headers);
    }

    [Fact]
    public void Verify_MissingFields_AreSignedAsEmptyStrings()
    {
        const string signedData = "psp-1::M1::::REPORT_AVAILABLE:true";
        var item = new JsonObject
        {
            ["pspReference"] = "psp-1", ["merchantAccountCode"] = "M1", ["eventCode"] = "REPORT_AVAILABLE", ["success"] = "true",
            ["additionalData"] = new JsonObject { ["hmacSignature"] = Expected(HmacKey, signedData) },
        };
        var body = new JsonObject { ["live"] = "false", ["notificationItems"] = new JsonArray(new JsonObject { ["NotificationRequestItem"] = item }) }.ToJsonString();
        var result = Verify(new WebhookRequest("POST", Url, new HeaderDictionary(), Encoding.UTF8.GetBytes(body)), WebhookTestHost.Start);
        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Verify_BatchWithOneBadItem_FailsNamingThatItem()
    {
        var signed = Sign(SigningSecret, WebhookTestHost.Start, Notification(Item("psp-1", "AUTHORISATION"), Item("psp-2", "CAPTURE")));
        var forged = EditItems(signed.Body, i =>
        {
            if (i["pspReference"]!.GetValue<string>() == "psp-2")
                i["amount"]!["value"] = 999999;
        });

        var result = Verify(ToRequest(signed, body: forged), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Contains("item #2 of 2", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"live":"false"}""")]
    [InlineData("""{"live":"false","notificationItems":[]}""")]
    [InlineData("""{"live":"false","notificationItems":[{"other":{}}]}""")]
    public void Verify_BodyWithoutItems_FailsWithMalformedBody(string body)
    {
        var result = Verify(new WebhookRequest("POST", Url, new HeaderDictionary(), Encoding.UTF8.GetBytes(body)), WebhookTestHost.Start);
        Assert.Equal(WebhookVerificationFailure.MalformedBody, result.Failure);
    }

    [Fact]
    public void CreateScheme_KeyNotHex_ThrowsWithoutShowingIt()
    {
        var options = new AdyenOptions { Secret = "not-a-hex-key" };
        var error = Assert.Throws<FormatException>(() => new AdyenScheme(SchemeName, options));
        Assert.DoesNotContain("not-a-hex-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDelivery_ItemsAreEventsWithSignedIdsAndEventCodes()
    {
        var signed = Sign(SigningSecret, WebhookTestHost.Start, Notification(Item("psp-1", "AUTHORISATION"), Item("psp-1", "CAPTURE", success: "false")));
        var result = Verify(ToRequest(signed), WebhookTestHost.Start);
        Assert.True(result.Succeeded, result.Reason);
        var items = result.Delivery!.Items!;
        Assert.Equal([("psp-1:AUTHORISATION:true", "AUTHORISATION"), ("psp-1:CAPTURE:false", "CAPTURE")],
            items.Select(e => (e.Id.Value, e.EventType.Value)));
        Assert.All(items, e => Assert.True(e.Id.IsSigned && e.EventType.IsSigned));
        Assert.Equal("psp-1", JsonDocument.Parse(items[1].Json).RootElement.GetProperty("pspReference").GetString());
    }

    [Fact]
    public async Task Pipeline_Batch_EachItemDispatched_AnsweredAccepted_UnsignedChangesAreDuplicates()
    {
        var seen = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddAdyen(SchemeName, o => o.Secret = HmacKey),
            app =>
            {
                var endpoint = app.MapWebhook(Path, SchemeName);
                endpoint.On<JsonElement>("AUTHORISATION", (hook, ct) => Record(seen, hook));
                endpoint.On<JsonElement>("CAPTURE", (hook, ct) => Record(seen, hook));
            });
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), Notification(Item("psp-1", "AUTHORISATION"), Item("psp-1", "CAPTURE")));
        var relabelled = signed with { Body = EditItems(signed.Body, i => i["reason"] = "changed outside the signature") };

        var first = await host.Client.SendAsync(signed.ToHttpRequest(Url), TestContext.Current.CancellationToken);
        var again = await SendAsync(host, relabelled.ToHttpRequest(Url));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("[accepted]", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("text/plain", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"duplicate"}""", again);
        Assert.Equal(["psp-1:AUTHORISATION:true", "psp-1:CAPTURE:true"], seen);
    }

    private static Task Record(List<string?> seen, Webhook<JsonElement> hook)
    {
        Assert.Equal(hook.EventType, hook.Payload.GetProperty("eventCode").GetString());
        seen.Add(hook.DeliveryId);
        return Task.CompletedTask;
    }

    private static string Item(string psp, string eventCode, string success = "true")
        => $$$"""{"NotificationRequestItem":{"additionalData":{"authCode":"58747"},"amount":{"currency":"EUR","value":1130},"eventCode":"{{{eventCode}}}","eventDate":"2024-05-01T12:00:00+02:00","merchantAccountCode":"TestMerchant","merchantReference":"order-1","paymentMethod":"visa","pspReference":"{{{psp}}}","reason":"58747:1111:03/2030","success":"{{{success}}}"}}""";

    private static string Notification(params string[] items) => $$"""{"live":"false","notificationItems":[{{string.Join(',', items)}}]}""";

    private static string Expected(string hexKey, string signedData)
        => Convert.ToBase64String(HMACSHA256.HashData(Convert.FromHexString(hexKey), Encoding.UTF8.GetBytes(signedData)));

    private static byte[] EditItems(ReadOnlyMemory<byte> body, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(body.Span)!.AsObject();
        foreach (var entry in root["notificationItems"]!.AsArray())
            edit(entry!["NotificationRequestItem"]!.AsObject());
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
