using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Trello;

public sealed class TrelloConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Secret = "9c3f5a1e7b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e";

    private const string CallbackUrl = "https://hooks.example.com/webhooks/trello";

    private const string UpdateCard = """{"action":{"id":"5f2b9c0e1a2b3c4d5e6f7a8b","idMemberCreator":"5e1a2b3c4d5e6f7a8b9c0d1e","type":"updateCard","date":"2026-11-27T12:00:00.000Z","data":{"card":{"id":"5f2b9c0e1a2b3c4d5e6f7a00","name":"Ship it","idShort":42},"old":{"name":"Ship"},"board":{"id":"5e1a2b3c4d5e6f7a8b9c0d00","name":"Roadmap"}},"memberCreator":{"id":"5e1a2b3c4d5e6f7a8b9c0d1e","username":"jane"}},"model":{"id":"5e1a2b3c4d5e6f7a8b9c0d00","name":"Roadmap"},"webhook":{"id":"5f00","idModel":"5e1a2b3c4d5e6f7a8b9c0d00","active":true}}""";

    public override WebhookProvider Provider => TrelloScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "0000000000000000000000000000000000000000000000000000000000000000";

    protected override string SignatureHeader => TrelloDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => UpdateCard;

    protected override string? EventType => "updateCard";

    protected override string? ExpectedDeliveryId => "5f2b9c0e1a2b3c4d5e6f7a8b";

    protected override WebhookSignedRequest? ReencodeSignature(WebhookSignedRequest delivery) => null;

    protected override void Configure(WebhookSchemeOptions options) => ((TrelloOptions)options).CallbackUrl = CallbackUrl;

    [Fact]
    public void Verify_SignatureComputedIndependentlyOverBodyThenCallbackUrl_ReadsSignedIdAndType()
    {
        var body = Encoding.UTF8.GetBytes(UpdateCard);
#pragma warning disable CA5350 // Trello mandates HMAC-SHA1
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. body, .. Encoding.UTF8.GetBytes(CallbackUrl)]));
#pragma warning restore CA5350
        var headers = new HeaderDictionary { [TrelloDefaults.SignatureHeader] = signature };

        // The request's own URL (what a Host header says) plays no part.
        var result = CreateScheme(Secret).Verify(new WebhookRequest("POST", "http://attacker.example/x", headers, body), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(WebhookValue.FromSigned("5f2b9c0e1a2b3c4d5e6f7a8b"), result.Delivery!.Whole.Id);
        Assert.Equal(WebhookValue.FromSigned("updateCard"), result.Delivery.Whole.EventType);
        Assert.Equal(signature, HeaderOf(Sign(Secret, WebhookTestHost.Start), TrelloDefaults.SignatureHeader));
    }

    [Fact]
    public void Verify_SignedForAnotherCallbackUrl_Fails()
    {
        var body = Encoding.UTF8.GetBytes(UpdateCard);
#pragma warning disable CA5350 // Trello mandates HMAC-SHA1
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret), (byte[])[.. body, .. Encoding.UTF8.GetBytes("https://hooks.example.com/webhooks/other")]));
#pragma warning restore CA5350
        var headers = new HeaderDictionary { [TrelloDefaults.SignatureHeader] = signature };

        var result = CreateScheme(Secret).Verify(new WebhookRequest("POST", "https://hooks.example.com/webhooks/other", headers, body), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Contains("CallbackUrl", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/webhooks/trello")]
    [InlineData("ftp://hooks.example.com/webhooks/trello")]
    public void Options_WithoutAnAbsoluteCallbackUrl_FailValidation(string? url)
    {
        var errors = new List<string>();
        new TrelloOptions { Secret = Secret, CallbackUrl = url }.Validate(errors);

        Assert.Contains(errors, e => e.Contains("CallbackUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_HeadWhenTheWebhookIsCreated_IsAnswered200WithoutHandlerOrClaim()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });

        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, runs);
        Assert.Equal(0, ((WebhookReceiver.Replay.InMemoryNonceStore)host.Services.GetRequiredService<IWebhookNonceStore>()).Count);
    }

    [Fact]
    public async Task Pipeline_HeadOnASchemeWithoutIt_IsNotMapped()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddMux(SchemeName, o => o.Secret = Secret),
            app => app.MapWebhook<JsonElement>(Path, SchemeName, (hook, ct) => Task.CompletedTask));

        var response = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Pipeline_ActionsRunTheHandlerOfTheirSignedType()
    {
        var seen = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddTrello(SchemeName, o =>
            {
                o.Secret = Secret;
                o.CallbackUrl = CallbackUrl;
            }),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("updateCard", (hook, ct) => Record(seen, hook))
                .On<JsonElement>("createCard", (hook, ct) => Record(seen, hook)));
        var created = UpdateCard.Replace("\"updateCard\"", "\"createCard\"", StringComparison.Ordinal).Replace("5f2b9c0e1a2b3c4d5e6f7a8b", "5f2b9c0e1a2b3c4d5e6f7a8c", StringComparison.Ordinal);

        var update = await SendAsync(host, Sign(Secret, host.Time.GetUtcNow()).ToHttpRequest(Url));
        var create = await SendAsync(host, Sign(Secret, host.Time.GetUtcNow(), created).ToHttpRequest(Url));
        var again = await SendAsync(host, Sign(Secret, host.Time.GetUtcNow(), created).ToHttpRequest(Url));

        Assert.Equal("""{"status":"processed"}""", update);
        Assert.Equal("""{"status":"processed"}""", create);
        Assert.Equal("""{"status":"duplicate"}""", again);
        Assert.Equal(["updateCard", "createCard"], seen);
    }

    private static Task Record(List<string?> seen, Webhook<JsonElement> hook)
    {
        lock (seen)
            seen.Add(hook.EventType);
        return Task.CompletedTask;
    }
}
