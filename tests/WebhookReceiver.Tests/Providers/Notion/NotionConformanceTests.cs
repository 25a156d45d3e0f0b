using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Notion;

public sealed class NotionConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Token = "secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl";

    private const string PageCreated = """{"id":"367cba44-b6f3-4c92-81e7-6a2e9659efd4","timestamp":"2024-12-05T23:55:34.285Z","workspace_id":"13950b26-c203-4f3b-b97d-93ec06319565","workspace_name":"Quantify Labs","subscription_id":"29d75c0d-5546-4414-8459-7b7a92f1fc4b","integration_id":"0ef2e755-4912-8096-91c1-00376a88a5ca","type":"page.created","authors":[{"id":"c7c11cca-1d73-471d-9b6e-bdef51470190","type":"person"}],"attempt_number":1,"entity":{"id":"153104cd-477e-809d-8dc4-ff2d96ae3090","type":"page"},"data":{"parent":{"id":"13950b26-c203-4f3b-b97d-93ec06319565","type":"space"}}}""";

    public override WebhookProvider Provider => NotionScheme.Provider;

    protected override string SigningSecret => Token;

    protected override string OtherSigningSecret => "secret_00000000000000000000000000000000000000000";

    protected override string SignatureHeader => NotionDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string? ExpectedDeliveryId => "evt_1001";

    [Fact]
    public void Verify_SignatureComputedIndependently_ReadsSignedIdAndType()
    {
        var body = Encoding.UTF8.GetBytes(PageCreated);
        var headers = new HeaderDictionary
        {
            [NotionDefaults.SignatureHeader] = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Token), body)),
        };

        var result = new NotionScheme("test", new NotionOptions { Secret = Token }).Verify(new WebhookRequest("POST", null, headers, body), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        var e = result.Delivery!.Whole;
        Assert.Equal(WebhookValue.FromSigned("367cba44-b6f3-4c92-81e7-6a2e9659efd4"), e.Id);
        Assert.Equal(WebhookValue.FromSigned("page.created"), e.EventType);
        Assert.Null(result.Delivery.Timestamp);
    }

    [Fact]
    public async Task Pipeline_VerificationRequest_HandsTheTokenToTheAppAndAnswers200WithoutHandler()
    {
        var tokens = new List<string>();
        var runs = 0;
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddNotion(SchemeName, o =>
            {
                o.StartWithoutSecret = true;
                o.OnVerificationToken = tokens.Add;
            }),
            app => app.MapWebhook<JsonElement>(Path, SchemeName, (hook, ct) =>
            {
                runs++;
                return Task.CompletedTask;
            }));
        using var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = new StringContent($$"""{"verification_token":"{{Token}}"}""", Encoding.UTF8, "application/json"),
        };

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Token], tokens);
        Assert.Equal(0, runs);
        Assert.Equal(0, ((WebhookReceiver.Replay.InMemoryNonceStore)host.Services.GetRequiredService<IWebhookNonceStore>()).Count);
        Assert.DoesNotContain(host.Logs.Messages, m => m.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_VerificationRequestWithoutCallback_Answers401()
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = new StringContent($$"""{"verification_token":"{{Token}}"}""", Encoding.UTF8, "application/json"),
        };

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"verification_token":"abc","type":"page.created"}""")]
    [InlineData("""{"type":"page.created","verification_token":"abc"}""")]
    [InlineData("""{"verification_token":123}""")]
    [InlineData("""{"verification_token":""}""")]
    [InlineData("""{"verification_token":"has space"}""")]
    [InlineData("""["verification_token"]""")]
    [InlineData("""{"verification_token":"abc"} trailing""")]
    [InlineData("")]
    public void AnswerUnsigned_NotAVerificationRequest_ReturnsNullAndCallsNothing(string body)
    {
        var tokens = new List<string>();
        var scheme = new NotionScheme("test", new NotionOptions { Secret = Token, OnVerificationToken = tokens.Add });

        var answer = scheme.AnswerUnsigned(new WebhookRequest("POST", null, new HeaderDictionary(), Encoding.UTF8.GetBytes(body)));

        Assert.Null(answer);
        Assert.Empty(tokens);
    }

    [Fact]
    public void AnswerUnsigned_LargeBodyOrSignedRequest_ReturnsNull()
    {
        var tokens = new List<string>();
        var scheme = new NotionScheme("test", new NotionOptions { Secret = Token, OnVerificationToken = tokens.Add });
        var large = Encoding.UTF8.GetBytes($$"""{"verification_token":"{{new string('a', NotionDefaults.MaxVerificationRequestSize)}}"}""");
        var small = Encoding.UTF8.GetBytes("""{"verification_token":"abc"}""");

        Assert.Null(scheme.AnswerUnsigned(new WebhookRequest("POST", null, new HeaderDictionary(), large)));
        Assert.Null(scheme.AnswerUnsigned(new WebhookRequest("POST", null, new HeaderDictionary { [NotionDefaults.SignatureHeader] = "sha256=00" }, small)));
        Assert.Empty(tokens);
        Assert.NotNull(scheme.AnswerUnsigned(new WebhookRequest("POST", null, new HeaderDictionary(), small)));
        Assert.Equal(["abc"], tokens);
    }

    [Fact]
    public async Task Pipeline_EventTypeAndId_ReachTheHandlerOfThatType()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, "page.created", SchemeName, Path);

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), PageCreated).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("367cba44-b6f3-4c92-81e7-6a2e9659efd4", handler.Last!.DeliveryId);
        Assert.Equal("page.created", handler.Last.EventType);
    }

    [Fact]
    public void Options_StartWithoutSecret_AllowsNoSecretOnlyWhenSet()
    {
        var refused = new List<string>();
        new NotionOptions().Validate(refused);
        var allowed = new List<string>();
        new NotionOptions { StartWithoutSecret = true }.Validate(allowed);

        Assert.NotEmpty(refused);
        Assert.Empty(allowed);
    }
}
