using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Postmark;

public sealed class PostmarkConformanceTests : ProviderConformanceTests
{
    private const string Credentials = "postmark-hooks:7Jq2x9PzV4mW";

    private const string Delivery = """{"RecordType":"Delivery","ServerID":23,"MessageStream":"outbound","MessageID":"00000000-0000-0000-0000-000000000000","Recipient":"john@example.com","Tag":"welcome-email","DeliveredAt":"2026-11-27T12:00:00Z","Details":"Test delivery webhook details","Metadata":{"a_key":"a_value"}}""";

    private const string Bounce = """{"RecordType":"Bounce","MessageStream":"outbound","ID":4323372036854775807,"Type":"HardBounce","TypeCode":1,"Name":"Hard bounce","Tag":"Test","MessageID":"883953f4-6105-42a2-a16a-77a8eac79483","ServerID":23,"Description":"The server was unable to deliver your message (ex: unknown user, mailbox not found).","Details":"Test bounce details","Email":"john@example.com","From":"sender@example.com","BouncedAt":"2026-11-27T12:01:00Z","DumpAvailable":true,"Inactive":true,"CanActivate":true,"Subject":"Test subject","Metadata":{"a_key":"a_value"}}""";

    public override WebhookProvider Provider => PostmarkScheme.Provider;

    protected override string SigningSecret => Credentials;

    protected override string OtherSigningSecret => "postmark-hooks:wrong-password";

    protected override string SignatureHeader => PostmarkDefaults.AuthorizationHeader;

    protected override bool SignsTimestamp => false;

    protected override bool SignsBody => false;

    protected override string Body => Delivery;

    protected override string? EventType => "Delivery";

    /// <summary>The authentication scheme's name is case-insensitive: the same credentials written <c>basic</c> still authenticate.</summary>
    protected override WebhookSignedRequest? ReencodeSignature(WebhookSignedRequest delivery)
        => WithHeader(delivery, SignatureHeader, "basic " + HeaderOf(delivery, SignatureHeader)["Basic ".Length..]);

    [Fact]
    public void Verify_BasicCredentialsWrittenIndependently_Authenticate()
    {
        var headers = new HeaderDictionary { ["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Credentials)) };

        var result = CreateScheme(Credentials).Verify(new WebhookRequest("POST", null, headers, Encoding.UTF8.GetBytes(Delivery)), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        var e = result.Delivery!.Whole;
        Assert.Equal(WebhookValue.FromLabel("Delivery"), e.EventType);
        Assert.Null(e.Id.Value);
        Assert.Null(result.Delivery.Timestamp);
    }

    [Theory]
    [InlineData("postmark-hooks:7Jq2x9PzV4m", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("postmark-hook:7Jq2x9PzV4mW", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("postmark-hooks:7Jq2x9PzV4mW ", WebhookVerificationFailure.SignatureMismatch)]
    [InlineData("7Jq2x9PzV4mW", WebhookVerificationFailure.SignatureMismatch)]
    public void Verify_OtherBasicCredentials_AreRefused(string credentials, WebhookVerificationFailure failure)
    {
        var headers = new HeaderDictionary { ["Authorization"] = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)) };

        var result = CreateScheme(Credentials).Verify(new WebhookRequest("POST", null, headers, Encoding.UTF8.GetBytes(Delivery)), WebhookTestHost.Start);

        Assert.Equal(failure, result.Failure);
    }

    [Theory]
    [InlineData("Bearer cG9zdG1hcms=")]
    [InlineData("Basic")]
    [InlineData("Basic not*base64")]
    [InlineData("Basicpostmark")]
    [InlineData("long")]
    public void Verify_AuthorizationNotBasic_FailsAsMalformed(string value)
    {
        var headers = new HeaderDictionary { ["Authorization"] = value == "long" ? "Basic " + new string('A', 2000) : value };

        var result = CreateScheme(Credentials).Verify(new WebhookRequest("POST", null, headers, Encoding.UTF8.GetBytes(Delivery)), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, result.Failure);
    }

    [Fact]
    public void Verify_CustomHeaderMode_ComparesThatHeaderOnly()
    {
        var scheme = new PostmarkScheme("test", new PostmarkOptions { Secret = "tok_8f1c2d", SecretHeader = "X-Webhook-Token" });
        WebhookVerificationResult Verify(params (string Name, string Value)[] headers)
        {
            var dictionary = new HeaderDictionary();
            foreach (var (name, value) in headers)
                dictionary[name] = value;
            return scheme.Verify(new WebhookRequest("POST", null, dictionary, Encoding.UTF8.GetBytes(Bounce)), WebhookTestHost.Start);
        }

        var ok = Verify(("X-Webhook-Token", "tok_8f1c2d"));
        var wrong = Verify(("X-Webhook-Token", "tok_8f1c2e"));
        var basicOnly = Verify(("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("tok_8f1c2d"))));

        Assert.True(ok.Succeeded, ok.Reason);
        Assert.Equal(WebhookValue.FromLabel("Bounce"), ok.Delivery!.Whole.EventType);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, wrong.Failure);
        Assert.Equal(WebhookVerificationFailure.MissingHeader, basicOnly.Failure);
        Assert.Equal(["X-Webhook-Token"], scheme.SecretHeaders);
        Assert.Equal("tok_8f1c2d", HeaderOf(scheme.Sign(new WebhookSigningRequest { Body = Encoding.UTF8.GetBytes(Bounce) }), "X-Webhook-Token"));
    }

    [Fact]
    public void Options_BasicModeSecretWithoutUsernameAndPassword_FailsValidationWithoutShowingIt()
    {
        var basic = new List<string>();
        new PostmarkOptions { Secret = "only-a-password" }.Validate(basic);
        var trailing = new List<string>();
        new PostmarkOptions { Secret = "user:" }.Validate(trailing);
        var header = new List<string>();
        new PostmarkOptions { Secret = "only-a-token", SecretHeader = "X-Webhook-Token" }.Validate(header);

        Assert.Contains(basic, e => e.Contains("username:password", StringComparison.Ordinal));
        Assert.DoesNotContain(basic, e => e.Contains("only-a-password", StringComparison.Ordinal));
        Assert.NotEmpty(trailing);
        Assert.Empty(header);
    }

    [Theory]
    [InlineData("""{"RecordType":"Open","MessageStream":"outbound","FirstOpen":true,"Client":{"Name":"Chrome 35.0.1916.153"},"OS":{"Name":"OS X 10.7 Lion"},"Platform":"WebMail","ReadSeconds":5,"Geo":{},"MessageID":"00000000-0000-0000-0000-000000000000","ReceivedAt":"2026-11-27T12:02:00Z","Tag":"welcome-email","Recipient":"john@example.com"}""", "Open")]
    [InlineData("""{"RecordType":"Click","MessageStream":"outbound","ClickLocation":"HTML","Client":{},"OS":{},"Platform":"Desktop","OriginalLink":"https://example.com","Tag":"welcome-email","MessageID":"00000000-0000-0000-0000-000000000000","ReceivedAt":"2026-11-27T12:03:00Z","Recipient":"john@example.com"}""", "Click")]
    [InlineData("""{"RecordType":"SpamComplaint","MessageStream":"outbound","ID":42,"Type":"SpamComplaint","TypeCode":512,"MessageID":"00000000-0000-0000-0000-000000000000","Email":"john@example.com","BouncedAt":"2026-11-27T12:04:00Z"}""", "SpamComplaint")]
    [InlineData("""{"RecordType":"SubscriptionChange","MessageID":null,"ServerID":23,"MessageStream":"outbound","ChangedAt":"2026-11-27T12:05:00Z","Recipient":"john@example.com","Origin":"Customer","SuppressSending":true,"SuppressionReason":"ManualSuppression"}""", "SubscriptionChange")]
    [InlineData("""{"FromName":"Postmarkapp Support","MessageStream":"inbound","From":"support@postmarkapp.com","FromFull":{"Email":"support@postmarkapp.com","Name":"Postmarkapp Support"},"To":"\"Firstname Lastname\" <yourhash+SampleHash@inbound.postmarkapp.com>","Subject":"Test subject","MessageID":"73e6d360-66eb-11e1-8e72-a8904824019b","Date":"Fri, 27 Nov 2026 12:06:00 +0000","TextBody":"This is a test text body."}""", "Inbound")]
    public void Read_EachRecordType_IsTheEventTypeAndTheFieldsTheReplayKey(string body, string expected)
    {
        var e = Read(Sign(SigningSecret, WebhookTestHost.Start, body));
        var reformatted = Read(Sign(SigningSecret, WebhookTestHost.Start, Indented(body)));

        Assert.Equal(WebhookValue.FromLabel(expected), e.EventType);
        Assert.NotEqual(WebhookReplayKeys.ForSignedContent(e.Json.Span), e.ReplayKey);
        Assert.Equal(e.ReplayKey, reformatted.ReplayKey);
    }

    [Fact]
    public void Read_SameMessageAtAnotherTime_HasAnotherReplayKey()
    {
        var first = Read(Sign(SigningSecret, WebhookTestHost.Start, Delivery));
        var later = Read(Sign(SigningSecret, WebhookTestHost.Start, Delivery.Replace("12:00:00Z", "12:00:01Z", StringComparison.Ordinal)));
        var bounce = Read(Sign(SigningSecret, WebhookTestHost.Start, Bounce));

        Assert.NotEqual(first.ReplayKey, later.ReplayKey);
        Assert.NotEqual(first.ReplayKey, bounce.ReplayKey);
    }

    [Fact]
    public void Read_RecordWithoutItsTime_IsKeyedByTheBody()
    {
        const string body = """{"RecordType":"Delivery","MessageID":"00000000-0000-0000-0000-000000000000","Recipient":"john@example.com"}""";

        var e = Read(Sign(SigningSecret, WebhookTestHost.Start, body));

        Assert.Equal(WebhookReplayKeys.ForSignedContent(Encoding.UTF8.GetBytes(body)), e.ReplayKey);
    }

    [Theory]
    [InlineData("""[{"RecordType":"Delivery"}]""")]
    [InlineData("not json")]
    public void Verify_AuthenticatedBodyOfAnotherShape_FailsAsUnreadable(string body)
    {
        var result = Verify(ToRequest(Sign(SigningSecret, WebhookTestHost.Start, body)), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.UnreadableDelivery, result.Failure);
    }

    [Fact]
    public async Task Pipeline_HandlersByRecordType_RunOnceAndNeverLogTheCredentials()
    {
        var runs = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddPostmark(SchemeName, o => o.Secret = Credentials),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("Delivery", (hook, ct) => Record(runs, hook))
                .On<JsonElement>("Bounce", (hook, ct) => Record(runs, hook)));

        var delivery = await SendAsync(host, Sign(SigningSecret, host.Time.GetUtcNow(), Delivery).ToHttpRequest(Url));
        var bounce = await SendAsync(host, Sign(SigningSecret, host.Time.GetUtcNow(), Bounce).ToHttpRequest(Url));
        var again = await SendAsync(host, Sign(SigningSecret, host.Time.GetUtcNow(), Bounce).ToHttpRequest(Url));
        var forged = await host.Client.SendAsync(Sign(OtherSigningSecret, host.Time.GetUtcNow(), Bounce).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"processed"}""", delivery);
        Assert.Equal("""{"status":"processed"}""", bounce);
        Assert.Equal("""{"status":"duplicate"}""", again);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(["Delivery", "Bounce"], runs);
        Assert.DoesNotContain(host.Logs.Messages, m => m.Contains("7Jq2x9PzV4mW", StringComparison.Ordinal) || m.Contains("wrong-password", StringComparison.Ordinal));
    }

    private static string Indented(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            document.RootElement.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Task Record(List<string?> runs, Webhook<JsonElement> hook)
    {
        lock (runs)
            runs.Add(hook.EventType);
        return Task.CompletedTask;
    }
}
