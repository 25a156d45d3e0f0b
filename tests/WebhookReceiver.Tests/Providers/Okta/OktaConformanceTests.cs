using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Okta;

public sealed class OktaConformanceTests : ProviderConformanceTests
{
    private const string Secret = "Basic YWRtaW46c3VwZXJzZWNyZXQ=";

    private const string TwoEvents = """{"eventType":"com.okta.event_hook","eventTypeVersion":"1.0","cloudEventsVersion":"0.1","source":"https://example.okta.com/api/v1/eventHooks/whoql0HfiLGPWc8Jx0g3","eventId":"b5a188b9-5ece-4636-b041-482ffda96311","data":{"events":[{"uuid":"79b9f3a6-50f2-11ea-b8bf-45c5a8d9c0f6","published":"2026-11-27T12:00:00.000Z","eventType":"user.lifecycle.create","version":"0","displayMessage":"Create Okta user","severity":"INFO","actor":{"id":"00u1","type":"User"},"target":[{"id":"00u2","type":"User"}]},{"uuid":"7a3f1c2e-50f2-11ea-b8bf-45c5a8d9c0f6","published":"2026-11-27T12:00:01.000Z","eventType":"user.lifecycle.activate","version":"0","displayMessage":"Activate Okta user","severity":"INFO"}]},"eventTime":"2026-11-27T12:00:02.000Z","contentType":"application/json"}""";

    public override WebhookProvider Provider => OktaScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "Basic YWRtaW46d3Jvbmc=";

    protected override string SignatureHeader => OktaDefaults.SecretHeader;

    protected override bool SignsTimestamp => false;

    protected override bool SignsBody => false;

    protected override string Body => """{"eventType":"com.okta.event_hook","eventId":"b5a188b9-5ece-4636-b041-482ffda96311","data":{"events":[{"uuid":"79b9f3a6-50f2-11ea-b8bf-45c5a8d9c0f6","published":"2026-11-27T12:00:00.000Z","eventType":"test.event","displayMessage":"Test"}]},"eventTime":"2026-11-27T12:00:02.000Z"}""";

    protected override WebhookSignedRequest? ReencodeSignature(WebhookSignedRequest delivery) => null;

    [Fact]
    public void Verify_SecretHeader_SplitsTheEventsEachWithItsUuidAndType()
    {
        var headers = new HeaderDictionary { ["Authorization"] = Secret };

        var result = CreateScheme(Secret).Verify(new WebhookRequest("POST", null, headers, Encoding.UTF8.GetBytes(TwoEvents)), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(WebhookValue.FromLabel("b5a188b9-5ece-4636-b041-482ffda96311"), result.Delivery!.Whole.Id);
        Assert.Equal(WebhookValue.FromLabel("com.okta.event_hook"), result.Delivery.Whole.EventType);
        var items = result.Delivery.Items!;
        Assert.Equal(["user.lifecycle.create", "user.lifecycle.activate"], items.Select(e => e.EventType.Value));
        Assert.Equal(["79b9f3a6-50f2-11ea-b8bf-45c5a8d9c0f6", "7a3f1c2e-50f2-11ea-b8bf-45c5a8d9c0f6"], items.Select(e => e.Id.Value));
        Assert.All(items, e => Assert.False(e.EventType.IsSigned || e.Id.IsSigned));
        Assert.NotEqual(items[0].ReplayKey, items[1].ReplayKey);
        Assert.Null(result.Delivery.Timestamp);
    }

    [Fact]
    public void Read_SameEventInAnotherBatch_KeepsItsReplayKey()
    {
        var first = Verify(ToRequest(Sign(SigningSecret, WebhookTestHost.Start, TwoEvents)), WebhookTestHost.Start).Delivery!.Items![0];
        var resent = TwoEvents.Replace("b5a188b9-5ece-4636-b041-482ffda96311", "c0ffee00-5ece-4636-b041-482ffda96311", StringComparison.Ordinal)
            .Replace("\"severity\":\"INFO\",\"actor\"", "\"severity\":\"INFO\", \"actor\"", StringComparison.Ordinal);
        var again = Verify(ToRequest(Sign(SigningSecret, WebhookTestHost.Start, resent)), WebhookTestHost.Start).Delivery!.Items![0];

        Assert.Equal(first.ReplayKey, again.ReplayKey);
    }

    [Fact]
    public void Verify_CustomSecretHeader_ComparesThatHeaderOnly()
    {
        var scheme = new OktaScheme("test", new OktaOptions { Secret = "s3cr3t", SecretHeader = "X-Okta-Hook-Secret" });
        WebhookVerificationResult Verify(string name, string value)
            => scheme.Verify(new WebhookRequest("POST", null, new HeaderDictionary { [name] = value }, Encoding.UTF8.GetBytes(TwoEvents)), WebhookTestHost.Start);

        Assert.True(Verify("X-Okta-Hook-Secret", "s3cr3t").Succeeded);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, Verify("X-Okta-Hook-Secret", "s3cr3T").Failure);
        Assert.Equal(WebhookVerificationFailure.MissingHeader, Verify("Authorization", "s3cr3t").Failure);
        Assert.Equal(["X-Okta-Hook-Secret"], scheme.SecretHeaders);
    }

    [Fact]
    public void Options_EmptySecretHeader_FailsValidation()
    {
        var errors = new List<string>();
        new OktaOptions { Secret = Secret, SecretHeader = " " }.Validate(errors);

        Assert.Contains(errors, e => e.Contains("SecretHeader", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_VerificationGetWithTheSecret_IsAnsweredWithTheChallenge()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.TryAddWithoutValidation(OktaDefaults.VerificationChallengeHeader, "X8qQbB1GB2dUnEq5nu1Sgi2_K2iaAJHs3A4gGaNBUXvr");
        request.Headers.TryAddWithoutValidation("Authorization", Secret);

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"verification":"X8qQbB1GB2dUnEq5nu1Sgi2_K2iaAJHs3A4gGaNBUXvr"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, runs);
        Assert.Equal(0, ((WebhookReceiver.Replay.InMemoryNonceStore)host.Services.GetRequiredService<IWebhookNonceStore>()).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic YWRtaW46d3Jvbmc=")]
    public async Task Pipeline_VerificationGetWithoutTheSecret_Answers401(string? authorization)
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.TryAddWithoutValidation(OktaDefaults.VerificationChallengeHeader, "X8qQbB1GB2dUnEq5nu1Sgi2");
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("X8qQbB1GB2dUnEq5nu1Sgi2", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_GetWithoutAChallenge_Answers400()
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.TryAddWithoutValidation("Authorization", Secret);

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two")]
    [InlineData("with space")]
    [InlineData("long")]
    public void AnswerGet_NotAChallenge_ReturnsNull(string challenge)
    {
        var headers = new HeaderDictionary { ["Authorization"] = Secret };
        headers[OktaDefaults.VerificationChallengeHeader] = challenge switch
        {
            "two" => new StringValues(["a", "b"]),
            "long" => new string('a', OktaDefaults.MaxChallengeLength + 1),
            _ => challenge,
        };
        var scheme = (OktaScheme)CreateScheme(Secret);

        Assert.Null(scheme.AnswerGet([], headers));
        Assert.Null(scheme.AnswerGet([]));
    }

    [Fact]
    public async Task Pipeline_Batch_RunsEachEventOnceByType()
    {
        var seen = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddOkta(SchemeName, o => o.Secret = Secret),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("user.lifecycle.create", (hook, ct) => Record(seen, hook))
                .On<JsonElement>("user.lifecycle.activate", (hook, ct) => Record(seen, hook)));
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents);

        var first = await SendAsync(host, signed.ToHttpRequest(Url));
        var again = await SendAsync(host, signed.ToHttpRequest(Url));

        Assert.Equal("""{"status":"processed"}""", first);
        Assert.Equal("""{"status":"duplicate"}""", again);
        Assert.Equal(["user.lifecycle.create", "user.lifecycle.activate"], seen);
        Assert.DoesNotContain(host.Logs.Messages, m => m.Contains("YWRtaW46c3VwZXJzZWNyZXQ", StringComparison.Ordinal));
    }

    private static Task Record(List<string?> seen, Webhook<JsonElement> hook)
    {
        lock (seen)
            seen.Add(hook.EventType);
        return Task.CompletedTask;
    }
}
