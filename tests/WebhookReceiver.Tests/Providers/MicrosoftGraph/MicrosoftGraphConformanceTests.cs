using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.MicrosoftGraph;

public sealed class MicrosoftGraphConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string ClientState = "secretClientValue-7f2c9d41";

    private const string Created = """{"id":"lsgTZMr9KwAAA","subscriptionId":"7f105c7d-2dc5-4530-97cd-4e7ae6534c07","subscriptionExpirationDateTime":"2026-12-05T11:00:00.0000000Z","clientState":"#CS","changeType":"created","resource":"Users/622eaaff-0683-4862-9de4-f2ec83c2bd98/Messages/AAMkADMxZmEzMDM1","resourceData":{"@odata.type":"#Microsoft.Graph.Message","@odata.id":"Users/622eaaff/Messages/AAMkADMxZmEzMDM1","@odata.etag":"W/\"CQAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAUWRHf\"","id":"AAMkADMxZmEzMDM1"},"tenantId":"84bd8158-6d4d-4958-8b9f-9d6445542f95"}""";
    private const string Updated = """{"subscriptionId":"7f105c7d-2dc5-4530-97cd-4e7ae6534c07","subscriptionExpirationDateTime":"2026-12-05T11:00:00.0000000Z","clientState":"#CS","changeType":"updated","resource":"Users/622eaaff/Messages/AAMkADMxZmEzMDM2","resourceData":{"@odata.type":"#Microsoft.Graph.Message","@odata.etag":"W/\"CQAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAUWRHg\"","id":"AAMkADMxZmEzMDM2"},"tenantId":"84bd8158-6d4d-4958-8b9f-9d6445542f95"}""";
    private const string Reauthorize = """{"subscriptionId":"7f105c7d-2dc5-4530-97cd-4e7ae6534c07","subscriptionExpirationDateTime":"2026-12-05T11:00:00.0000000Z","tenantId":"84bd8158-6d4d-4958-8b9f-9d6445542f95","clientState":"#CS","lifecycleEvent":"reauthorizationRequired"}""";

    public override WebhookProvider Provider => MicrosoftGraphScheme.Provider;

    protected override string SigningSecret => ClientState;

    protected override string OtherSigningSecret => "otherClientValue-00000000";

    protected override string SignatureHeader => MicrosoftGraphDefaults.ClientStateProperty;

    protected override bool SignsTimestamp => false;

    protected override bool SignsBody => false;

    protected override string Body => Collection(Created.Replace("\"clientState\":\"#CS\",", "", StringComparison.Ordinal));

    protected override string? EventType => "created";

    protected override string? ExpectedDeliveryId => "lsgTZMr9KwAAA";

    protected override WebhookVerificationFailure MissingSignatureFailure => WebhookVerificationFailure.MalformedBody;

    protected override WebhookRequest WithoutSignature(WebhookSignedRequest delivery) => ToRequest(delivery, body: Encoding.UTF8.GetBytes(Body));

    protected override WebhookRequest WithSignature(WebhookSignedRequest delivery, string value)
    {
        var body = JsonNode.Parse(delivery.Body.Span)!;
        foreach (var item in body["value"]!.AsArray())
            item!["clientState"] = value;
        return ToRequest(delivery, body: Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    private static string Collection(params string[] items) => "{\"value\":[" + string.Join(",", items) + "]}";

    private static string With(string item, string clientState) => item.Replace("#CS", clientState, StringComparison.Ordinal);

    private static WebhookRequest Request(string body, string? url = Url)
        => new("POST", url, new HeaderDictionary(), Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Verify_EveryItemWithTheClientState_SucceedsWithOneEventPerItem()
    {
        var result = Verify(Request(Collection(With(Created, ClientState), With(Updated, ClientState), With(Reauthorize, ClientState))), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        var events = result.Delivery!.Events;
        Assert.Equal(["created", "updated", "reauthorizationRequired"], events.Select(e => e.EventType.Value));
        Assert.All(events, e => Assert.False(e.EventType.IsSigned));
        Assert.Equal(new WebhookValue("lsgTZMr9KwAAA", false), events[0].Id);
        // Nothing is signed: each item's replay key is a hash of its own bytes.
        var expected = "c:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(With(Updated, ClientState))))[..40];
        Assert.Equal(expected, events[1].ReplayKey);
    }

    [Fact]
    public void Verify_OneItemWithAnotherClientState_FailsWithSignatureMismatchNamingIt()
    {
        var result = Verify(Request(Collection(With(Created, ClientState), With(Updated, "forged"))), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Contains("notification #2 of 2", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientState, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OneItemWithoutClientState_FailsWithMalformedBody()
    {
        var result = Verify(Request(Collection(With(Created, ClientState), Updated.Replace("\"clientState\":\"#CS\",", "", StringComparison.Ordinal))), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.MalformedBody, result.Failure);
        Assert.Contains("no clientState", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"value":[]}""")]
    [InlineData("""{"value":{"clientState":"secretClientValue-7f2c9d41"}}""")]
    [InlineData("""[{"clientState":"secretClientValue-7f2c9d41"}]""")]
    public void Verify_NotACollection_FailsWithMalformedBody(string body)
        => Assert.Equal(WebhookVerificationFailure.MalformedBody, Verify(Request(body), WebhookTestHost.Start).Failure);

    [Fact]
    public void Sign_SingleNotification_IsWrappedWithTheClientState()
    {
        var signed = Sign(ClientState, WebhookTestHost.Start, Created.Replace("\"clientState\":\"#CS\",", "", StringComparison.Ordinal));

        using var json = JsonDocument.Parse(signed.Body);
        Assert.Equal(ClientState, json.RootElement.GetProperty("value")[0].GetProperty("clientState").GetString());
    }

    [Fact]
    public void Options_ClientStateLongerThan255_IsAnError()
    {
        var errors = new List<string>();
        new MicrosoftGraphOptions { Secret = new string('x', 256) }.Validate(errors);
        Assert.Contains(errors, e => e.Contains("255", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_ValidationRequest_EchoesTheDecodedTokenAsPlainText()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) => { runs++; return Task.CompletedTask; });
        const string token = "Validation: Testing client application reachability for subscription Request-Id: 25eb5feb-5f2c-4d3e-a0c4-6f7d2b4e1a90";
        using var request = new HttpRequestMessage(HttpMethod.Post, Url + "?validationToken=" + Uri.EscapeDataString(token))
        {
            Content = new StringContent("", Encoding.UTF8, "text/plain"),
        };

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(token, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(0, runs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?validationToken=")]
    [InlineData("?validationToken=a&validationToken=b")]
    [InlineData("?other=a")]
    public async Task Pipeline_PostWithoutOneValidationToken_Answers401(string query)
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url + query) { Content = new StringContent("", Encoding.UTF8, "text/plain") };

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pipeline_Batch_DispatchesEachItemByItsTypeThenAnswersDuplicate()
    {
        var seen = new List<string>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddMicrosoftGraph(SchemeName, o => o.Secret = ClientState),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("created", (hook, ct) => Record(seen, "created " + hook.Payload.GetProperty("resourceData").GetProperty("id").GetString()))
                .On<JsonElement>("updated", (hook, ct) => Record(seen, "updated " + hook.Payload.GetProperty("resourceData").GetProperty("id").GetString()))
                .On<JsonElement>(MicrosoftGraphDefaults.ReauthorizationRequired, (hook, ct) => Record(seen, "reauthorize")));
        var body = Collection(With(Created, ClientState), With(Updated, ClientState), With(Reauthorize, ClientState));

        var first = await Post(host, body);
        var second = await Post(host, body);

        Assert.Equal("""{"status":"processed"}""", first);
        Assert.Equal("""{"status":"duplicate"}""", second);
        Assert.Equal(["created AAMkADMxZmEzMDM1", "updated AAMkADMxZmEzMDM2", "reauthorize"], seen);
    }

    [Fact]
    public async Task Pipeline_OneForgedItem_Answers401AndRunsNoHandler()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) => { runs++; return Task.CompletedTask; });
        using var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = new StringContent(Collection(With(Created, ClientState), With(Updated, "forged")), Encoding.UTF8, "application/json"),
        };

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, runs);
    }

    private static async Task<string> Post(WebhookTestHost host, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static Task Record(List<string> seen, string value)
    {
        lock (seen)
            seen.Add(value);
        return Task.CompletedTask;
    }
}
