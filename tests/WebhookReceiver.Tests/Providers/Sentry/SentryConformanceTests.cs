using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Sentry;

public sealed class SentryConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Secret = "4a3e3c1f0e8b7d6c5b4a39281706f5e4d3c2b1a0918f7e6d5c4b3a2918070605";

    private const string IssueCreated = """{"action":"created","actor":{"id":"sentry","name":"Sentry","type":"application"},"data":{"issue":{"id":"1170820242","shortId":"FRONT-END-9","status":"unresolved","substatus":"escalating","title":"ReferenceError: blooopy is not defined","project":{"id":"1","slug":"front-end"}}},"installation":{"uuid":"a8e5d37a-696c-4c54-adb5-b3f28d64c7de"}}""";

    /// <summary>A body whose <c>data</c> shows no documented resource: only the header can name it.</summary>
    private const string UnknownResource = """{"action":"created","actor":{"id":"sentry","name":"Sentry","type":"application"},"data":{"widget":{"id":"7"}},"installation":{"uuid":"a8e5d37a-696c-4c54-adb5-b3f28d64c7de"}}""";

    public override WebhookProvider Provider => SentryScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "0000000000000000000000000000000000000000000000000000000000000000";

    protected override string SignatureHeader => SentryDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => IssueCreated;

    protected override string? EventType => "issue.created";

    protected override IReadOnlyList<string> UnsignedIdHeaders => [SentryDefaults.RequestIdHeader];

    [Fact]
    public void Verify_HexSignatureComputedIndependently_ReadsSignedTypeFromTheBody()
    {
        var body = Encoding.UTF8.GetBytes(IssueCreated);
        var headers = new HeaderDictionary
        {
            [SentryDefaults.SignatureHeader] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)),
            [SentryDefaults.RequestIdHeader] = "5b5d2a0c-2b8e-4c1b-9f3e-6a0b9d1e2f3a",
            [SentryDefaults.TimestampHeader] = "1566248317",
        };

        var result = new SentryScheme("test", new SentryOptions { Secret = Secret }).Verify(new WebhookRequest("POST", null, headers, body), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        var e = result.Delivery!.Whole;
        Assert.Equal(WebhookValue.FromSigned("issue.created"), e.EventType);
        Assert.Equal(WebhookValue.FromLabel("5b5d2a0c-2b8e-4c1b-9f3e-6a0b9d1e2f3a"), e.Id);
        Assert.Equal(WebhookReplayKeys.ForSignedContent(body), e.ReplayKey);
        Assert.Null(result.Delivery.Timestamp);
    }

    [Theory]
    [InlineData("""{"action":"created","data":{"installation":{"uuid":"a8e5","status":"pending","app":{"uuid":"2ebf","slug":"webhooks-galore"}}},"installation":{"uuid":"a8e5"}}""", "installation.created")]
    [InlineData("""{"action":"resolved","data":{"issue":{"id":"1","status":"resolved"}},"installation":{"uuid":"a8e5"}}""", "issue.resolved")]
    [InlineData("""{"action":"created","data":{"error":{"event_id":"bb78","issue_id":"1170820242"}},"installation":{"uuid":"a8e5"}}""", "error.created")]
    [InlineData("""{"action":"triggered","data":{"event":{"event_id":"e487","issue_id":"1117540176"},"triggered_rule":"Very Important Alert Rule!","issue_alert":{"title":"Very Important Alert Rule!","settings":[]}},"installation":{"uuid":"a8e5"}}""", "event_alert.triggered")]
    [InlineData("""{"action":"critical","data":{"description_text":"1000 events","metric_alert":{"id":"4","alert_rule":{"id":"7"}},"web_url":"https://sentry.io/organizations/baz/alerts/1/"},"installation":{"uuid":"a8e5"}}""", "metric_alert.critical")]
    [InlineData("""{"action":"created","data":{"comment":"adding a comment","project_slug":"sentry","comment_id":1234,"issue_id":100,"timestamp":"2022-03-02T21:51:44.118160Z"},"installation":{"uuid":"eac5"}}""", "comment.created")]
    [InlineData("""{"action":"root_cause_started","data":{"run_id":12345,"group_id":1170820242},"installation":{"uuid":"a8e5"}}""", "seer.root_cause_started")]
    [InlineData("""{"action":"size_analysis_completed","installation":{"uuid":"7708"},"data":{"buildId":"72","organizationSlug":"my-org","state":"COMPLETED"}}""", "preprod_artifact.size_analysis_completed")]
    public void Verify_EachDocumentedResource_IsReadFromTheSignedBody(string body, string expected)
    {
        // The header names another resource: the signed body wins and the header is ignored.
        var result = Verify(ToRequest(Sign(SigningSecret, WebhookTestHost.Start, body), h => h[SentryDefaults.ResourceHeader] = "comment"), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(WebhookValue.FromSigned(expected), result.Delivery!.Whole.EventType);
    }

    [Fact]
    public void Verify_ResourceNotShownByTheBody_TakesTheHeaderAsALabel()
    {
        var result = Verify(ToRequest(Sign(SigningSecret, WebhookTestHost.Start, UnknownResource), h => h[SentryDefaults.ResourceHeader] = "widget"),
            WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(WebhookValue.FromLabel("widget.created"), result.Delivery!.Whole.EventType);
    }

    [Fact]
    public void Verify_BodyShowingTwoResources_TakesTheHeaderAsALabel()
    {
        const string both = """{"action":"created","data":{"issue":{"id":"1"},"error":{"event_id":"2"}},"installation":{"uuid":"a8e5"}}""";

        var result = Verify(ToRequest(Sign(SigningSecret, WebhookTestHost.Start, both), h => h[SentryDefaults.ResourceHeader] = "error"), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(WebhookValue.FromLabel("error.created"), result.Delivery!.Whole.EventType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Widget")]
    [InlineData("wid get")]
    [InlineData("widget.created")]
    [InlineData("long")]
    public void Verify_NoUsableResource_TypeIsTheSignedActionAlone(string? header)
    {
        var signed = Sign(SigningSecret, WebhookTestHost.Start, UnknownResource);
        var request = ToRequest(signed, h =>
        {
            h.Remove(SentryDefaults.ResourceHeader);
            if (header is not null)
                h[SentryDefaults.ResourceHeader] = header == "long" ? new string('a', SentryDefaults.MaxResourceLength + 1) : header;
        });

        var result = Verify(request, WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(WebhookValue.FromSigned("created"), result.Delivery!.Whole.EventType);
    }

    [Fact]
    public void Verify_StaleUnsignedTimestampHeader_IsNotChecked()
    {
        var result = Verify(ToRequest(Sign(SigningSecret, WebhookTestHost.Start), h => h[SentryDefaults.TimestampHeader] = "1"), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Null(result.Delivery!.Timestamp);
    }

    [Theory]
    [InlineData("""[{"action":"created"}]""")]
    [InlineData("not json")]
    public void Verify_SignedBodyOfAnotherShape_FailsAsUnreadable(string body)
    {
        var result = Verify(ToRequest(Sign(SigningSecret, WebhookTestHost.Start, body)), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.UnreadableDelivery, result.Failure);
    }

    [Fact]
    public void Sign_WritesTheHeadersSentrySends()
    {
        var signed = CreateScheme(Secret).Sign(new WebhookSigningRequest
        {
            Body = Encoding.UTF8.GetBytes(IssueCreated),
            Timestamp = WebhookTestHost.Start,
            EventType = "issue.created",
            Id = "req-1",
        });

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(IssueCreated))),
            HeaderOf(signed, SentryDefaults.SignatureHeader));
        Assert.Equal("issue", HeaderOf(signed, SentryDefaults.ResourceHeader));
        Assert.Equal("req-1", HeaderOf(signed, SentryDefaults.RequestIdHeader));
        Assert.Equal(WebhookTestHost.Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            HeaderOf(signed, SentryDefaults.TimestampHeader));
    }

    [Fact]
    public async Task Pipeline_CopyWithTheResourceLabelChanged_IsADuplicate()
    {
        var runs = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddSentry(SchemeName, o => o.Secret = Secret),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("widget.created", (hook, ct) => Record(runs, hook))
                .On<JsonElement>("issue.created", (hook, ct) => Record(runs, hook)));
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), UnknownResource);

        var ignored = await SendAsync(host, WithHeaders(signed, [SentryDefaults.ResourceHeader], "gadget"));
        var relabelled = await SendAsync(host, WithHeaders(signed, [SentryDefaults.ResourceHeader], "widget"));

        Assert.Equal("""{"status":"ignored"}""", ignored);
        Assert.Equal("""{"status":"duplicate"}""", relabelled);
        Assert.Empty(runs);
    }

    [Fact]
    public async Task Pipeline_IssueAndMetricAlert_RunTheHandlerOfTheirSignedType()
    {
        var runs = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddSentry(SchemeName, o => o.Secret = Secret),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("issue.created", (hook, ct) => Record(runs, hook))
                .On<JsonElement>("metric_alert.resolved", (hook, ct) => Record(runs, hook)));
        const string resolved = """{"action":"resolved","data":{"metric_alert":{"id":"4"},"description_title":"Resolved: Too many errors"},"installation":{"uuid":"a8e5"}}""";

        var issue = await SendAsync(host, Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url));
        var alert = await SendAsync(host, Sign(SigningSecret, host.Time.GetUtcNow(), resolved).ToHttpRequest(Url));

        Assert.Equal("""{"status":"processed"}""", issue);
        Assert.Equal("""{"status":"processed"}""", alert);
        Assert.Equal(["issue.created", "metric_alert.resolved"], runs);
    }

    private static Task Record(List<string?> runs, Webhook<JsonElement> hook)
    {
        lock (runs)
            runs.Add(hook.EventType);
        return Task.CompletedTask;
    }
}
