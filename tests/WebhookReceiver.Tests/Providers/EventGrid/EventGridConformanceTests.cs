using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.EventGrid;

public sealed class EventGridConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Secret = "eg-delivery-secret-6b1f0c2e";

    private const string BlobCreated = """{"id":"831e1650-001e-001b-66ab-eeb76e069631","topic":"/subscriptions/1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct","subject":"/blobServices/default/containers/c/blobs/a.png","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-12-03T06:00:00.0000000Z","data":{"api":"PutBlob","contentType":"image/png","url":"https://acct.blob.core.windows.net/c/a.png"},"dataVersion":"","metadataVersion":"1"}""";
    private const string BlobDeleted = """{"id":"831e1650-001e-001b-66ab-eeb76e069632","topic":"/subscriptions/1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acct","subject":"/blobServices/default/containers/c/blobs/b.png","eventType":"Microsoft.Storage.BlobDeleted","eventTime":"2026-12-03T06:00:01.0000000Z","data":{"api":"DeleteBlob","url":"https://acct.blob.core.windows.net/c/b.png"},"dataVersion":"","metadataVersion":"1"}""";
    private const string Validation = """[{"id":"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66","topic":"/subscriptions/1","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://rp-eastus2.eventgrid.azure.net:553/eventsubscriptions/sub/validate?id=512d38b6&t=2026-12-03T06:00:00Z&apiVersion=2018-05-01-preview&token=1A1A1A"},"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-12-03T06:00:00Z","metadataVersion":"1","dataVersion":"1"}]""";
    private const string CloudEvent = """{"specversion":"1.0","type":"Contoso.Orders.OrderPlaced","source":"/contoso/orders","id":"A234-1234-1234","time":"2026-12-03T06:00:00Z","datacontenttype":"application/json","data":{"orderId":"ord_1042"}}""";

    public override WebhookProvider Provider => EventGridScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "eg-other-secret-00000000";

    protected override string SignatureHeader => EventGridDefaults.SecretQueryParameter;

    protected override bool SignsTimestamp => false;

    protected override bool SignsBody => false;

    protected override string Body => "[" + BlobCreated + "]";

    protected override string? EventType => "Microsoft.Storage.BlobCreated";

    protected override string? ExpectedDeliveryId => "831e1650-001e-001b-66ab-eeb76e069631";

    protected override WebhookRequest WithoutSignature(WebhookSignedRequest delivery)
        => new(delivery.Method, Url, ToRequest(delivery).Headers, delivery.Body);

    protected override WebhookRequest WithSignature(WebhookSignedRequest delivery, string value)
        => new(delivery.Method, Url + "?code=" + Uri.EscapeDataString(value), ToRequest(delivery).Headers, delivery.Body);

    private static WebhookRequest Request(string body, string url, HeaderDictionary? headers = null)
        => new("POST", url, headers ?? [], Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Sign_AppendsTheSecretAsTheCodeParameter()
        => Assert.Equal(Url + "?code=" + Secret, Sign(Secret, WebhookTestHost.Start).Url);

    [Fact]
    public void Verify_IndependentlyBuiltUrl_SucceedsWithLabelsAndContentKeys()
    {
        var result = Verify(Request("[" + BlobCreated + "," + BlobDeleted + "]", Url + "?code=" + Uri.EscapeDataString(Secret)), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(["Microsoft.Storage.BlobCreated", "Microsoft.Storage.BlobDeleted"], result.Delivery!.Events.Select(e => e.EventType.Value));
        Assert.All(result.Delivery.Events, e => Assert.False(e.Id.IsSigned));
        Assert.All(result.Delivery.Events, e => Assert.StartsWith("c:", e.ReplayKey, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?code=")]
    [InlineData("?Code=a&code=eg-delivery-secret-6b1f0c2e")]
    [InlineData("?key=eg-delivery-secret-6b1f0c2e")]
    public void Verify_NoSingleCode_FailsWithMissingHeader(string query)
        => Assert.Equal(WebhookVerificationFailure.MissingHeader, Verify(Request(Body, Url + query), WebhookTestHost.Start).Failure);

    [Fact]
    public void Verify_SecretHeaderConfigured_ChecksTheHeader()
    {
        var scheme = new EventGridScheme(SchemeName, new EventGridOptions { Secret = Secret, SecretHeader = "X-Delivery-Secret" });

        var good = scheme.Verify(Request(Body, Url, new() { ["X-Delivery-Secret"] = Secret }), WebhookTestHost.Start);
        var bad = scheme.Verify(Request(Body, Url, new() { ["X-Delivery-Secret"] = "wrong" }), WebhookTestHost.Start);

        Assert.True(good.Succeeded, good.Reason);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, bad.Failure);
        Assert.Contains("X-Delivery-Secret", bad.Reason, StringComparison.Ordinal);
        Assert.Equal(["X-Delivery-Secret"], scheme.SecretHeaders);
    }

    [Fact]
    public async Task Pipeline_SubscriptionValidation_AnswersTheValidationCode()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) => { runs++; return Task.CompletedTask; });

        var response = await PostAsync(host, Validation, "?code=" + Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"validationResponse":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task Pipeline_SubscriptionValidationWithoutSecret_Answers401()
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);

        var response = await PostAsync(host, Validation, "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pipeline_EventGridBatch_DispatchesEachEventThenAnswersDuplicate()
    {
        var seen = new List<string>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddEventGrid(SchemeName, o => o.Secret = Secret),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("Microsoft.Storage.BlobCreated", (hook, ct) => Record(seen, "created " + hook.DeliveryId))
                .On<JsonElement>("Microsoft.Storage.BlobDeleted", (hook, ct) => Record(seen, "deleted " + hook.DeliveryId)));
        var body = "[" + BlobCreated + "," + BlobDeleted + "]";

        var first = await PostAsync(host, body, "?code=" + Secret);
        var second = await PostAsync(host, body, "?code=" + Secret);

        Assert.Equal("""{"status":"processed"}""", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("""{"status":"duplicate"}""", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["created 831e1650-001e-001b-66ab-eeb76e069631", "deleted 831e1650-001e-001b-66ab-eeb76e069632"], seen);
    }

    [Theory]
    [InlineData("application/cloudevents+json", false)]
    [InlineData("application/cloudevents-batch+json", true)]
    public async Task Pipeline_CloudEvents_DispatchesByType(string contentType, bool batch)
    {
        var seen = new List<string>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddEventGrid(SchemeName, o => o.Secret = Secret),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("Contoso.Orders.OrderPlaced", (hook, ct) => Record(seen, hook.DeliveryId + " " + hook.Payload.GetProperty("data").GetProperty("orderId").GetString())));

        var response = await PostAsync(host, batch ? "[" + CloudEvent + "]" : CloudEvent, "?code=" + Secret, contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["A234-1234-1234 ord_1042"], seen);
    }

    [Fact]
    public async Task Pipeline_CloudEventsAbuseProtection_GrantsEventGrid()
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);
        using var request = new HttpRequestMessage(HttpMethod.Options, Url + "?code=" + Secret);
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");
        request.Headers.Add("WebHook-Request-Rate", "120");

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", response.Headers.GetValues("WebHook-Allowed-Origin").Single());
        Assert.Equal("120", response.Headers.GetValues("WebHook-Allowed-Rate").Single());
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
    }

    private static async Task<HttpResponseMessage> PostAsync(WebhookTestHost host, string body, string query, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url + query) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static Task Record(List<string> seen, string value)
    {
        lock (seen)
            seen.Add(value);
        return Task.CompletedTask;
    }
}
