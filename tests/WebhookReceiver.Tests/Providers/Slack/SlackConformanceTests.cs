using System.Net;
using System.Text;
using System.Text.Json;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Slack;

public sealed class SlackConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string FormContentType = "application/x-www-form-urlencoded";
    private const string SlashCommand = "command=%2Fdeploy&text=api+to+staging&trigger_id=13345224609.738474920.8088930838d88f008e0&user_id=U2147483697&channel_id=C2147483705&team_id=T0001&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678";
    private const string UrlVerification = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

    public override WebhookProvider Provider => SlackScheme.Provider;

    protected override string SigningSecret => "8f742231b10e8888abcd99yyyzzz85a5";

    protected override string OtherSigningSecret => "00000000000000000000000000000000";

    protected override string SignatureHeader => SlackDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string? ExpectedDeliveryId => "Ev0LAN670R";

    protected override string Body => """{"token":"z26uFbvR1xHJEdHE1OQiO6t8","team_id":"T061EG9RZ","api_app_id":"A0FFV41KK","event":{"type":"app_mention","user":"U061F7AUR","text":"<@U0LAN0Z89> is it everything a river should be?","channel":"C0LAN2Q65"},"type":"event_callback","event_id":"Ev0LAN670R","event_time":1515449522}""";

    protected override string? EventType => "app_mention";

    [Fact]
    public void Options_Default_ToleranceIsFiveMinutes()
        => Assert.Equal(TimeSpan.FromMinutes(5), new SlackOptions().Tolerance);

    [Fact]
    public void ReadDelivery_EventCallback_UsesInnerEventTypeAndEventId()
    {
        var e = Read(Sign(SigningSecret, WebhookTestHost.Start));

        Assert.Equal((WebhookValue.FromSigned("Ev0LAN670R"), WebhookValue.FromSigned("app_mention")), (e.Id, e.EventType));
    }

    [Fact]
    public void ReadDelivery_InteractivityPayload_UsesPayloadTypeAndTriggerId()
    {
        var body = "payload=" + Uri.EscapeDataString("""{"type":"block_actions","trigger_id":"12466734323.1395872398","user":{"id":"U1"}}""");

        var e = Read(Sign(SigningSecret, WebhookTestHost.Start, body));

        Assert.Equal((WebhookValue.FromSigned("12466734323.1395872398"), WebhookValue.FromSigned("block_actions")), (e.Id, e.EventType));
    }

    [Fact]
    public async Task Pipeline_UrlVerification_AnswersTheChallengeWithoutRunningTheHandler()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), UrlVerification).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", answer.GetProperty("challenge").GetString());
        Assert.Equal(0, handler.Runs);
    }

    [Fact]
    public async Task Pipeline_UnsignedUrlVerification_Answers401WithoutTheChallenge()
    {
        await using var host = await new RecordingHandler<JsonElement>().StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);

        var response = await host.Client.SendAsync(Sign(OtherSigningSecret, host.Time.GetUtcNow(), UrlVerification).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_EventCallbackRetry_ShowsRetryHeadersToTheHandler()
    {
        var handler = new RecordingHandler<JsonElement>(SlackDefaults.RetryNumHeader, SlackDefaults.RetryReasonHeader);
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, "app_mention", SchemeName, Path);
        var message = Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url);
        message.Headers.Add(SlackDefaults.RetryNumHeader, "1");
        message.Headers.Add(SlackDefaults.RetryReasonHeader, "http_timeout");

        var response = await host.Client.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = handler.Last;
        Assert.NotNull(received);
        Assert.Equal("1", handler.LastHeaders[SlackDefaults.RetryNumHeader].ToString());
        Assert.Equal("http_timeout", handler.LastHeaders[SlackDefaults.RetryReasonHeader].ToString());
        Assert.Equal("Ev0LAN670R", received.DeliveryId);
        Assert.Equal("app_mention", received.EventType);
        Assert.Equal("C0LAN2Q65", received.Payload.GetProperty("event").GetProperty("channel").GetString());
    }

    [Fact]
    public async Task Pipeline_EventCallbackResentWithANewSignature_IsAnsweredAsDuplicate()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);
        var first = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url), TestContext.Current.CancellationToken);
        host.Time.Advance(TimeSpan.FromSeconds(60));

        var retry = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"status":"duplicate"}""", await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, handler.Runs);
    }

    [Fact]
    public async Task Pipeline_SlashCommandForm_VerifiesAndBindsTheCommand()
    {
        var handler = new RecordingHandler<SlackSlashCommand>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, "/deploy", SchemeName, Path);

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), SlashCommand).ToHttpRequest(Url, FormContentType),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = handler.Last;
        Assert.NotNull(received);
        Assert.Equal("/deploy", received.EventType);
        Assert.Equal("13345224609.738474920.8088930838d88f008e0", received.DeliveryId);
        Assert.Equal("/deploy", received.Payload.Command);
        Assert.Equal("api to staging", received.Payload.Text);
        Assert.Equal("https://hooks.slack.com/commands/1234/5678", received.Payload.ResponseUrl);
        Assert.Equal(SlashCommand, handler.LastBody);
    }

    [Fact]
    public async Task Pipeline_TamperedSlashCommandForm_Answers401()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), SlashCommand);
        var tampered = signed with { Body = Encoding.UTF8.GetBytes(SlashCommand.Replace("staging", "production", StringComparison.Ordinal)) };

        var response = await host.Client.SendAsync(tampered.ToHttpRequest(Url, FormContentType), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, handler.Runs);
    }

    [Fact]
    public async Task Pipeline_InteractivityForm_GivesTheHandlerThePayloadJson()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, "block_actions", SchemeName, Path);
        var body = "payload=" + Uri.EscapeDataString("""{"type":"block_actions","trigger_id":"12466734323.1395872398","actions":[{"action_id":"approve","value":"42"}]}""");

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), body).ToHttpRequest(Url, FormContentType),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = handler.Last;
        Assert.NotNull(received);
        Assert.Equal("12466734323.1395872398", received.DeliveryId);
        Assert.Equal("approve", received.Payload.GetProperty("actions")[0].GetProperty("action_id").GetString());
    }

    [Fact]
    public async Task Pipeline_SslCheck_AnswersEmpty200WithoutRunningTheHandler()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), "ssl_check=1&token=XXXX").ToHttpRequest(Url, FormContentType),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, handler.Runs);
    }
}
