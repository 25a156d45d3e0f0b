using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Intuit;

public sealed class IntuitConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string VerifierToken = "7a5c4b9e-0f1d-4e3a-9b2c-61d8e0f4a7b3";

    private const string Classic = """{"eventNotifications":[{"realmId":"310687","dataChangeEvent":{"entities":[{"id":"1234","operation":"Create","name":"Customer","lastUpdated":"2025-09-08T20:52:31.657Z"},{"id":"95","operation":"Update","name":"Invoice","lastUpdated":"2025-09-08T20:53:02.001Z"}]}},{"realmId":"4620816365","dataChangeEvent":{"entities":[{"id":"1234","operation":"Create","name":"Customer","lastUpdated":"2025-09-08T20:52:31.657Z"}]}}]}""";

    public override WebhookProvider Provider => IntuitScheme.Provider;

    protected override string SigningSecret => VerifierToken;

    protected override string OtherSigningSecret => "00000000-0000-0000-0000-000000000000";

    protected override string SignatureHeader => IntuitDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """[{"specversion":"1.0","id":"88cd52aa-33b6-4351-9aa4-47572edbd068","source":"intuit.dsnBgbseACLLRZNxo2dfc4evmEJdxde58xeeYcZliOU=","type":"qbo.customer.created.v1","datacontenttype":"application/json","time":"2025-09-10T21:31:25.179851517Z","intuitentityid":"1234","intuitaccountid":"310687","data":{}}]""";

    protected override string? EventType => "qbo.customer.created.v1";

    protected override string? ExpectedDeliveryId => "88cd52aa-33b6-4351-9aa4-47572edbd068";

    private static string Signature(string token, string body)
        => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(body)));

    private static WebhookRequest Request(string body, string signature)
        => new("POST", null, new HeaderDictionary { [IntuitDefaults.SignatureHeader] = signature }, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Verify_IndependentlyComputedSignature_SucceedsAndSignWritesTheSame()
    {
        var result = CreateScheme(VerifierToken).Verify(Request(Classic, Signature(VerifierToken, Classic)), WebhookTestHost.Start);
        Assert.True(result.Succeeded, result.Reason);

        var signed = Sign(VerifierToken, WebhookTestHost.Start, Classic);
        Assert.Equal(Signature(VerifierToken, Classic), HeaderOf(signed, IntuitDefaults.SignatureHeader));
    }

    [Fact]
    public void Verify_HexSignature_FailsWithMismatchOrMalformed()
    {
        var hex = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(VerifierToken), Encoding.UTF8.GetBytes(Classic)));
        var result = CreateScheme(VerifierToken).Verify(Request(Classic, hex), WebhookTestHost.Start);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void ReadDelivery_ClassicBody_EachEntityIsAnEventWithRealmIdAndNameOperationType()
    {
        var result = CreateScheme(VerifierToken).Verify(Request(Classic, Signature(VerifierToken, Classic)), WebhookTestHost.Start);

        var items = Assert.IsType<WebhookDelivery>(result.Delivery).Items;
        Assert.NotNull(items);
        Assert.Equal(["Customer.Create", "Invoice.Update", "Customer.Create"], items.Select(e => e.EventType.Value));
        Assert.All(items, e => Assert.True(e.EventType.IsSigned));
        Assert.All(items, e => Assert.Null(e.Id.Value));
        using var first = JsonDocument.Parse(items[0].Json);
        Assert.Equal("310687", first.RootElement.GetProperty("realmId").GetString());
        Assert.Equal("1234", first.RootElement.GetProperty("id").GetString());
        using var third = JsonDocument.Parse(items[2].Json);
        Assert.Equal("4620816365", third.RootElement.GetProperty("realmId").GetString());
        // The same entity change in two companies is two events; the key is the documented tuple's hash.
        Assert.Equal(3, items.Select(e => e.ReplayKey).Distinct().Count());
        Assert.Equal(WebhookReplayKeys.ForSignedContent("""["310687","Customer","1234","Create","2025-09-08T20:52:31.657Z"]"""u8), items[0].ReplayKey);
    }

    [Fact]
    public void ReadDelivery_CloudEvents_ItemsHaveSignedIdsAndTypes()
    {
        const string body = """[{"specversion":"1.0","id":"a1","type":"qbo.invoice.created.v1","intuitaccountid":"1","data":{}},{"specversion":"1.0","id":"a2","type":"qbo.invoice.updated.v1","intuitaccountid":"1","data":{}}]""";
        var result = CreateScheme(VerifierToken).Verify(Request(body, Signature(VerifierToken, body)), WebhookTestHost.Start);

        var items = Assert.IsType<WebhookDelivery>(result.Delivery).Items;
        Assert.NotNull(items);
        Assert.Equal([(WebhookValue.FromSigned("a1"), WebhookValue.FromSigned("qbo.invoice.created.v1")), (WebhookValue.FromSigned("a2"), WebhookValue.FromSigned("qbo.invoice.updated.v1"))],
            items.Select(e => (e.Id, e.EventType)));
        Assert.Equal(["a1", "a2"], items.Select(e => e.ReplayKey));
    }

    [Theory]
    [InlineData("""{"eventNotifications":[{"dataChangeEvent":{"entities":[]}}]}""")]
    [InlineData("""{"eventNotifications":[{"realmId":"1","dataChangeEvent":{"entities":[{"id":"1","operation":"Create"}]}}]}""")]
    [InlineData("""{"eventNotifications":{}}""")]
    [InlineData("""{"other":[]}""")]
    [InlineData("""[1,2]""")]
    public void Verify_SignedButNotAnIntuitShape_FailsAsUnreadable(string body)
    {
        var result = CreateScheme(VerifierToken).Verify(Request(body, Signature(VerifierToken, body)), WebhookTestHost.Start);
        Assert.Equal(WebhookVerificationFailure.UnreadableDelivery, result.Failure);
    }

    [Fact]
    public async Task Pipeline_ClassicBody_DispatchesEachEntityOnceAndReserializedCopyIsADuplicate()
    {
        var seen = new List<string>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddIntuit(SchemeName, o => o.Secret = VerifierToken),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("Customer.Create", (hook, ct) =>
                {
                    lock (seen)
                        seen.Add(hook.Payload.GetProperty("realmId").GetString()!);
                    return Task.CompletedTask;
                }));
        var first = Sign(VerifierToken, host.Time.GetUtcNow(), Classic);
        // Intuit's retry of the same changes, written with other spacing and property order, signed again.
        var reserialized = Classic.Replace("\"id\":\"1234\",\"operation\":\"Create\"", "\"operation\": \"Create\", \"id\": \"1234\"", StringComparison.Ordinal);
        Assert.NotEqual(Classic, reserialized);
        var second = Sign(VerifierToken, host.Time.GetUtcNow(), reserialized);

        var a = await host.Client.SendAsync(first.ToHttpRequest(Url), TestContext.Current.CancellationToken);
        var b = await SendAsync(host, second.ToHttpRequest(Url));

        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal("""{"status":"duplicate"}""", b);
        Assert.Equal(["310687", "4620816365"], seen.Order());
    }
}
