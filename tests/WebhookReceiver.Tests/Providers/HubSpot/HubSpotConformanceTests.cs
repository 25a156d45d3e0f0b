using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.HubSpot;

public sealed class HubSpotConformanceTests : ProviderConformanceTests
{
    private const string TwoEvents = """[{"eventId":101,"subscriptionId":7,"portalId":62515,"occurredAt":1700000000000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":1},{"eventId":102,"subscriptionId":8,"portalId":62515,"occurredAt":1700000000000,"subscriptionType":"deal.creation","attemptNumber":0,"objectId":2}]""";

    public override WebhookProvider Provider => HubSpotScheme.Provider;

    protected override string SigningSecret => "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";

    protected override string OtherSigningSecret => "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz";

    protected override string SignatureHeader => HubSpotDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string Body => """[{"eventId":1001,"subscriptionId":7,"portalId":62515,"occurredAt":1700000000000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM"}]""";

    protected override string? EventType => "contact.creation";

    [Theory]
    [InlineData("https://example.com/hook?name=a%3Ab", "https://example.com/hook?name=a:b")]
    [InlineData("https://example.com/a%2fb%40c%21%24%27%28%29%2A%2C%3B%3F", "https://example.com/a/b@c!$'()*,;?")]
    [InlineData("https://example.com/hook?q=a%20b%26c", "https://example.com/hook?q=a%20b%26c")]
    public void DecodeUri_DocumentedCharacters_AreDecodedOthersKept(string uri, string expected)
        => Assert.Equal(expected, HubSpotScheme.DecodeUri(uri));

    [Fact]
    public void Verify_UrlWithEncodedCharacters_SignedDecoded_Succeeds()
    {
        var now = WebhookTestHost.Start;
        var scheme = CreateScheme(SigningSecret);
        var body = Encoding.UTF8.GetBytes(Body);
        const string encoded = "https://example.com/hooks?portal=a%3Ab";
        var signed = scheme.Sign(new WebhookSigningRequest { Body = body, Timestamp = now, Url = "https://example.com/hooks?portal=a:b" });

        var result = scheme.Verify(new WebhookRequest("POST", encoded, ToRequest(signed).Headers, body), now);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Verify_OtherMethod_Fails()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var result = Verify(new WebhookRequest("PUT", Url, ToRequest(signed).Headers, signed.Body), now);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void Verify_TimestampInSeconds_IsStale()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var result = Verify(ToRequest(signed, h => h[HubSpotDefaults.TimestampHeader] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)), now);
        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, result.Failure);
    }

    [Fact]
    public async Task Pipeline_BatchOfEvents_DispatchesEachByTypeAndClaimsEachId()
    {
        var seen = new List<string?>();
        await using var host = await StartBatchHostAsync(seen, failDeals: false);
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents);

        var first = await host.Client.SendAsync(signed.ToHttpRequest(Url), TestContext.Current.CancellationToken);
        var again = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"status":"processed"}""", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("""{"status":"duplicate"}""", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["contact.creation:101", "deal.creation:102"], seen);
    }

    [Fact]
    public async Task Pipeline_BatchWithFailingEvent_Answers500AndRetryRunsOnlyTheFailedEvent()
    {
        var seen = new List<string?>();
        await using var host = await StartBatchHostAsync(seen, failDeals: true);

        var first = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents).ToHttpRequest(Url), TestContext.Current.CancellationToken);
        var retry = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, retry.StatusCode);
        Assert.Equal(["contact.creation:101", "deal.creation:102", "deal.creation:102"], seen);
    }

    [Fact]
    public async Task Pipeline_SplitBatchOff_HandsTheWholeArrayToOneHandler()
    {
        var lengths = new List<int>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddHubSpot(SchemeName, o => { o.Secret = SigningSecret; o.SplitBatch = false; }),
            app => app.MapWebhook<List<JsonElement>>(Path, SchemeName, (hook, ct) =>
            {
                lengths.Add(hook.Payload.Count);
                return Task.CompletedTask;
            }));

        var first = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents).ToHttpRequest(Url), TestContext.Current.CancellationToken);
        var again = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"processed"}""", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("""{"status":"duplicate"}""", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal([2], lengths);
    }

    private Task<WebhookTestHost> StartBatchHostAsync(List<string?> seen, bool failDeals)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddHubSpot(SchemeName, o => o.Secret = SigningSecret),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("contact.creation", (hook, ct) =>
                {
                    seen.Add($"{hook.EventType}:{hook.DeliveryId}");
                    return Task.CompletedTask;
                })
                .On<JsonElement>("deal.creation", (hook, ct) =>
                {
                    seen.Add($"{hook.EventType}:{hook.Payload.GetProperty("eventId").GetInt32()}");
                    return failDeals ? throw new InvalidOperationException("deal handler down") : Task.CompletedTask;
                }));
}
