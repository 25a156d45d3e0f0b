using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Xero;

public sealed class XeroConformanceTests : ProviderEnvelopeConformanceTests
{
    /// <summary>A webhook key of the shape the Xero developer portal shows (88 base64 characters), used as UTF-8 text.</summary>
    private const string WebhookKey = "czJpsP8GJREPHXmbWs63Xb7U5hAuQPACRa8I06w9FicgCYY4SxPLEQgupU679T3u6L6h8kPcvh0ehHmsZVaQ9A==";

    private const string Invoice = """{"resourceUrl":"https://api.xero.com/api.xro/2.0/Invoices/717f2bfc-c6d4-41fd-b238-3f2f0c0cf777","resourceId":"717f2bfc-c6d4-41fd-b238-3f2f0c0cf777","eventDateUtc":"2025-10-21T01:15:39.902","eventType":"UPDATE","eventCategory":"INVOICE","tenantId":"c2cc9b6e-9458-4c7d-93cc-f02b81b0594f","tenantType":"ORGANISATION"}""";

    private const string Contact = """{"resourceUrl":"https://api.xero.com/api.xro/2.0/Contacts/3fa85f64-5717-4562-b3fc-2c963f66afa6","resourceId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","eventDateUtc":"2025-10-21T01:16:02.113","eventType":"Create","eventCategory":"CONTACT","tenantId":"c2cc9b6e-9458-4c7d-93cc-f02b81b0594f","tenantType":"ORGANISATION"}""";

    private const string TwoEvents = """{"events":[""" + Invoice + "," + Contact + """],"lastEventSequence":2,"firstEventSequence":1,"entropy":"KQYJVCTBAOSRPFFBBWSK"}""";

    /// <summary>The intent-to-receive payload of Xero's documentation ("Configuring your server").</summary>
    private const string IntentToReceive = """{"events":[],"lastEventSequence":0,"firstEventSequence":0,"entropy":"S0m3r4Nd0mt3xt"}""";

    public override WebhookProvider Provider => XeroScheme.Provider;

    protected override string SigningSecret => WebhookKey;

    protected override string OtherSigningSecret => "OSd0eLlVIY9ZhViEqlDUh4+6n6M+Lo+eDaEJheJ6OCCgWwIz2D3JIAU6jPMipHRbgKTLz2uJ+xiACXGDBLrgdA==";

    protected override string SignatureHeader => XeroDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """{"events":[""" + Invoice + """],"lastEventSequence":1,"firstEventSequence":1,"entropy":"S0m3r4Nd0mt3xt"}""";

    protected override string? EventType => "invoice.update";

    protected override string? ExpectedDeliveryId => null;

    private static string Signature(string key, string body)
        => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(body)));

    private static WebhookRequest Request(string body, string signature)
        => new("POST", null, new HeaderDictionary { [XeroDefaults.SignatureHeader] = signature }, Encoding.UTF8.GetBytes(body));

    private static HttpRequestMessage Post(string body, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(XeroDefaults.SignatureHeader, signature);
        return request;
    }

    private static Task<WebhookTestHost> StartTypedHostAsync(List<string?> seen)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddXero(SchemeName, o => o.Secret = WebhookKey),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("invoice.update", (hook, ct) => Record(seen, hook))
                .On<JsonElement>("contact.create", (hook, ct) => Record(seen, hook)));

    private static async Task AssertBareAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Null(response.Content.Headers.ContentType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public void Verify_Base64SignatureComputedIndependently_ReadsEachEventSigned()
    {
        var result = CreateScheme(WebhookKey).Verify(Request(TwoEvents, Signature(WebhookKey, TwoEvents)), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        var items = result.Delivery!.Items!;
        Assert.Equal(["invoice.update", "contact.create"], items.Select(e => e.EventType.Value));
        Assert.All(items, e => Assert.True(e.EventType.IsSigned));
        Assert.All(items, e => Assert.Null(e.Id.Value));
        Assert.Null(result.Delivery.Handshake);
        Assert.Equal(Invoice, Encoding.UTF8.GetString(items[0].Json.Span));
        Assert.Equal(WebhookReplayKeys.ForSignedContent(
            """["c2cc9b6e-9458-4c7d-93cc-f02b81b0594f","INVOICE","UPDATE","717f2bfc-c6d4-41fd-b238-3f2f0c0cf777","2025-10-21T01:15:39.902"]"""u8), items[0].ReplayKey);
        Assert.NotEqual(items[0].ReplayKey, items[1].ReplayKey);
    }

    [Fact]
    public void Sign_WritesTheIndependentlyComputedSignature()
    {
        var signed = Sign(WebhookKey, WebhookTestHost.Start, TwoEvents);

        Assert.Equal(Signature(WebhookKey, TwoEvents), HeaderOf(signed, XeroDefaults.SignatureHeader));
    }

    [Fact]
    public void Verify_KeyBase64Decoded_DoesNotMatch()
    {
        // The webhook key is the HMAC key as text: a signature keyed with its base64-decoded bytes must fail.
        var decoded = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(WebhookKey), Encoding.UTF8.GetBytes(TwoEvents)));
        var hex = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookKey), Encoding.UTF8.GetBytes(TwoEvents)));

        Assert.False(CreateScheme(WebhookKey).Verify(Request(TwoEvents, decoded), WebhookTestHost.Start).Succeeded);
        Assert.False(CreateScheme(WebhookKey).Verify(Request(TwoEvents, hex), WebhookTestHost.Start).Succeeded);
    }

    [Fact]
    public void ReadDelivery_EventWithoutItsIdentifyingFields_IsKeyedByAHashOfItsBytes()
    {
        const string @event = """{"eventCategory":"SUBSCRIPTION","eventType":"CREATE","tenantType":"APPLICATION"}""";
        const string body = """{"events":[""" + @event + """],"lastEventSequence":3,"firstEventSequence":3,"entropy":"x"}""";

        var result = CreateScheme(WebhookKey).Verify(Request(body, Signature(WebhookKey, body)), WebhookTestHost.Start);

        var item = Assert.Single(result.Delivery!.Items!);
        Assert.Equal("subscription.create", item.EventType.Value);
        Assert.Equal(WebhookReplayKeys.ForSignedContent(Encoding.UTF8.GetBytes(@event)), item.ReplayKey);
    }

    [Fact]
    public void ReadDelivery_IntentToReceive_IsAnsweredAsAHandshakeWithNoEvents()
    {
        var result = CreateScheme(WebhookKey).Verify(Request(IntentToReceive, Signature(WebhookKey, IntentToReceive)), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Empty(result.Delivery!.Events);
        var answer = Assert.IsType<WebhookHandshakeResponse>(result.Delivery.Handshake);
        Assert.Equal(200, answer.StatusCode);
        Assert.True(answer.Body.IsEmpty);
    }

    [Theory]
    [InlineData("""{"other":[]}""")]
    [InlineData("""{"events":{}}""")]
    [InlineData("""{"events":[1]}""")]
    [InlineData("""[{"eventCategory":"INVOICE","eventType":"UPDATE"}]""")]
    [InlineData("""{"events":[],"entropy":"x"} trailing""")]
    public void Verify_SignedButNotAXeroShape_FailsAsUnreadable(string body)
    {
        var result = CreateScheme(WebhookKey).Verify(Request(body, Signature(WebhookKey, body)), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.UnreadableDelivery, result.Failure);
    }

    [Fact]
    public async Task Pipeline_IntentToReceive_CorrectlySigned_Is200WithNoBodyAndRunsNoHandler()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });

        // Xero sends several; each carries other entropy, and a repeat is answered the same (it is never claimed).
        for (var i = 0; i < 3; i++)
            await AssertBareAsync(await host.Client.SendAsync(Post(IntentToReceive, Signature(WebhookKey, IntentToReceive)),
                TestContext.Current.CancellationToken), HttpStatusCode.OK);

        Assert.Equal(0, runs);
        Assert.Equal(0, ((WebhookReceiver.Replay.InMemoryNonceStore)host.Services.GetRequiredService<IWebhookNonceStore>()).Count);
    }

    [Theory]
    [InlineData("wrong key")]
    [InlineData("garbage")]
    [InlineData("missing")]
    public async Task Pipeline_IntentToReceive_IncorrectlySigned_Is401WithNoBody(string how)
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);
        using var request = Post(IntentToReceive, how switch
        {
            "wrong key" => Signature(OtherSigningSecret, IntentToReceive),
            "garbage" => "not-a-signature",
            _ => "",
        });
        if (how == "missing")
            request.Headers.Remove(XeroDefaults.SignatureHeader);

        await AssertBareAsync(await host.Client.SendAsync(request, TestContext.Current.CancellationToken), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Pipeline_BatchOfEvents_RunsEachEventOnceByTypeAndAnswersWithoutBody()
    {
        var seen = new List<string?>();
        await using var host = await StartTypedHostAsync(seen);
        var signature = Signature(WebhookKey, TwoEvents);

        var first = await host.Client.SendAsync(Post(TwoEvents, signature), TestContext.Current.CancellationToken);
        var again = await host.Client.SendAsync(Post(TwoEvents, signature), TestContext.Current.CancellationToken);

        await AssertBareAsync(first, HttpStatusCode.OK);
        await AssertBareAsync(again, HttpStatusCode.OK);
        Assert.Equal(["invoice.update", "contact.create"], seen);
    }

    [Fact]
    public async Task Pipeline_RetryReserializedWithOtherEntropy_IsADuplicatePerEvent()
    {
        var seen = new List<string?>();
        await using var host = await StartTypedHostAsync(seen);
        // The same two changes again, the contact's properties reordered, with other sequence numbers and entropy.
        var contactReordered = """{"eventCategory":"CONTACT","eventType":"Create","tenantId":"c2cc9b6e-9458-4c7d-93cc-f02b81b0594f","resourceId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","eventDateUtc":"2025-10-21T01:16:02.113","tenantType":"ORGANISATION","resourceUrl":"https://api.xero.com/api.xro/2.0/Contacts/3fa85f64-5717-4562-b3fc-2c963f66afa6"}""";
        var retry = """{"events":[""" + contactReordered + "," + Invoice + """],"lastEventSequence":7,"firstEventSequence":6,"entropy":"ZZYJVCTBAOSRPFFBBWSK"}""";

        await host.Client.SendAsync(Post(TwoEvents, Signature(WebhookKey, TwoEvents)), TestContext.Current.CancellationToken);
        await AssertBareAsync(await host.Client.SendAsync(Post(retry, Signature(WebhookKey, retry)), TestContext.Current.CancellationToken), HttpStatusCode.OK);

        Assert.Equal(["invoice.update", "contact.create"], seen);
    }

    [Fact]
    public async Task Pipeline_EveryAnswerOfTheLibrary_HasNoBody()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddXero(SchemeName, o =>
            {
                o.Secret = WebhookKey;
                o.MaxBodySize = 4096;
            }),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("invoice.update", (hook, ct) => throw new InvalidOperationException("handler failed"))
                .On<int>("contact.create", (hook, ct) => Task.CompletedTask));
        var contactOnly = """{"events":[""" + Contact + """],"lastEventSequence":1,"firstEventSequence":1,"entropy":"a"}""";
        var tooLarge = """{"events":[],"entropy":""" + '"' + new string('x', 5000) + "\"}";

        await AssertBareAsync(await host.Client.SendAsync(Post(Body, Signature(WebhookKey, Body)), TestContext.Current.CancellationToken),
            HttpStatusCode.InternalServerError);
        await AssertBareAsync(await host.Client.SendAsync(Post(contactOnly, Signature(WebhookKey, contactOnly)), TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest);
        await AssertBareAsync(await host.Client.SendAsync(Post("""{"other":1}""", Signature(WebhookKey, """{"other":1}""")), TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest);
        await AssertBareAsync(await host.Client.SendAsync(Post(tooLarge, Signature(WebhookKey, tooLarge)), TestContext.Current.CancellationToken),
            HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Pipeline_UnhandledEventType_IsIgnoredWithNoBody()
    {
        var seen = new List<string?>();
        await using var host = await StartTypedHostAsync(seen);
        var body = Body.Replace("\"INVOICE\"", "\"CREDITNOTE\"", StringComparison.Ordinal);

        await AssertBareAsync(await host.Client.SendAsync(Post(body, Signature(WebhookKey, body)), TestContext.Current.CancellationToken), HttpStatusCode.OK);

        Assert.Empty(seen);
    }

    [Fact]
    public async Task Pipeline_Inbox_AcceptsWithNoBody()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddXero(SchemeName, o => o.Secret = WebhookKey),
            app => app.MapWebhook(Path, SchemeName).OnAny((Webhook<JsonElement> hook, CancellationToken ct) => Task.CompletedTask).UseInbox());

        await AssertBareAsync(await host.Client.SendAsync(Post(Body, Signature(WebhookKey, Body)), TestContext.Current.CancellationToken), HttpStatusCode.OK);
    }

    private static Task Record(List<string?> seen, Webhook<JsonElement> hook)
    {
        lock (seen)
            seen.Add(hook.EventType);
        return Task.CompletedTask;
    }
}
