using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.SendGrid;

public sealed class SendGridConformanceTests : ProviderConformanceTests
{
    private const string TwoEvents = """[{"email":"a@example.com","timestamp":1700000000,"event":"delivered","sg_event_id":"sg-1","sg_message_id":"m1"},{"email":"b@example.com","timestamp":1700000001,"event":"open","sg_event_id":"sg-2","sg_message_id":"m2"}]""";
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ECDsa OtherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public override WebhookProvider Provider => SendGridScheme.Provider;

    protected override string SigningSecret => Convert.ToBase64String(Key.ExportPkcs8PrivateKey());

    protected override string VerifyingSecret => Convert.ToBase64String(Key.ExportSubjectPublicKeyInfo());

    protected override string OtherSigningSecret => Convert.ToBase64String(OtherKey.ExportPkcs8PrivateKey());

    protected override string SignatureHeader => SendGridDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string Body => """[{"email":"a@example.com","timestamp":1700000000,"event":"delivered","sg_event_id":"sg-1001","sg_message_id":"m1"}]""";

    protected override string? EventType => "delivered";

    [Fact]
    public void Verify_PemPublicKey_IsAccepted()
    {
        var now = WebhookTestHost.Start;
        var options = new SendGridOptions { Secret = Key.ExportSubjectPublicKeyInfoPem() };
        var result = new SendGridScheme(SchemeName, options).Verify(ToRequest(Sign(SigningSecret, now)), now);
        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Verify_ConcurrentDeliveries_AllSucceed()
    {
        var now = WebhookTestHost.Start;
        var scheme = CreateScheme(VerifyingSecret);
        var request = ToRequest(Sign(SigningSecret, now));
        var results = new bool[256];
        Parallel.For(0, results.Length, i => results[i] = scheme.Verify(request, now).Succeeded);
        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Sign_WithPublicKeyOnly_Throws()
        => Assert.Throws<InvalidOperationException>(() => Sign(VerifyingSecret, WebhookTestHost.Start));

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("AAAA")]
    public void Scheme_MalformedKey_ThrowsFormatException(string key)
        => Assert.Throws<FormatException>(() => CreateScheme(key));

    [Fact]
    public void Scheme_KeyOnAnotherCurve_ThrowsFormatException()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<FormatException>(() => CreateScheme(Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo())));
    }

    [Fact]
    public async Task Pipeline_BatchOfEvents_RunsEachEventOnceByTypeAndId()
    {
        var seen = new List<string>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddSendGrid(SchemeName, o => o.Secret = VerifyingSecret),
            app => app.MapWebhook(Path, SchemeName)
                .On<SendGridEvent>("delivered", (hook, ct) => Record(seen, hook))
                .On<SendGridEvent>("open", (hook, ct) => Record(seen, hook)));
        var withNewEvent = TwoEvents.Replace("]", """,{"email":"c@example.com","event":"open","sg_event_id":"sg-3"}]""", StringComparison.Ordinal);

        var first = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents).ToHttpRequest(Url), TestContext.Current.CancellationToken);
        var overlapping = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), withNewEvent).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"processed"}""", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, overlapping.StatusCode);
        Assert.Equal(["delivered:sg-1:a@example.com", "open:sg-2:b@example.com", "open:sg-3:c@example.com"], seen);
    }

    [Fact]
    public async Task Pipeline_BatchWithUnhandledType_IgnoresThatEventOnly()
    {
        var seen = new List<string>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddSendGrid(SchemeName, o => o.Secret = VerifyingSecret),
            app => app.MapWebhook(Path, SchemeName).On<SendGridEvent>("open", (hook, ct) => Record(seen, hook)));

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"processed"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["open:sg-2:b@example.com"], seen);
    }

    [Fact]
    public async Task Pipeline_SplitBatchOff_HandsTheWholeBatchToOneHandler()
    {
        var counts = new List<int>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddSendGrid(SchemeName, o => { o.Secret = VerifyingSecret; o.SplitBatch = false; }),
            app => app.MapWebhook<List<SendGridEvent>>(Path, SchemeName, (hook, ct) =>
            {
                counts.Add(hook.Payload.Count);
                return Task.CompletedTask;
            }));

        var first = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents).ToHttpRequest(Url), TestContext.Current.CancellationToken);
        var retry = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"processed"}""", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("""{"status":"duplicate"}""", await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal([2], counts);
    }

    [Fact]
    public async Task Pipeline_MalformedBatch_Answers400()
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);
        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), """[{"event":"open"},42]""").ToHttpRequest(Url), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Task Record(List<string> seen, Webhook<SendGridEvent> hook)
    {
        seen.Add($"{hook.EventType}:{hook.DeliveryId}:{hook.Payload.Email}");
        return Task.CompletedTask;
    }

    public sealed record SendGridEvent(string Email, string Event);

    /// <summary>ECDSA is malleable: (r, n − s) is a second valid signature of the same content.</summary>
    protected override WebhookSignedRequest? ReencodeSignature(WebhookSignedRequest delivery)
    {
        var der = Convert.FromBase64String(HeaderOf(delivery, SendGridDefaults.SignatureHeader));
        var sequence = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        var r = sequence.ReadInteger();
        var s = sequence.ReadInteger();
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber,
            System.Globalization.CultureInfo.InvariantCulture);
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(r);
            writer.WriteInteger(n - s);
        }
        return WithHeader(delivery, SendGridDefaults.SignatureHeader, Convert.ToBase64String(writer.Encode()));
    }
}
