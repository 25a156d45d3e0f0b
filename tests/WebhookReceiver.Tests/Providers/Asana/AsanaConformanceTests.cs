using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Asana;

public sealed class AsanaConformanceTests : ProviderConformanceTests
{
    private const string Secret = "b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81";

    private const string TwoEvents = """{"events":[{"user":{"gid":"1","resource_type":"user"},"created_at":"2026-11-27T12:00:00.000Z","action":"changed","resource":{"gid":"1337","resource_type":"task","resource_subtype":"default_task"},"parent":null,"change":{"field":"name","action":"changed"}},{"user":{"gid":"1","resource_type":"user"},"created_at":"2026-11-27T12:00:01.000Z","action":"added","resource":{"gid":"1400","resource_type":"story","resource_subtype":"comment_added"},"parent":{"gid":"1337","resource_type":"task"}}]}""";

    public override WebhookProvider Provider => AsanaScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "0000000000000000000000000000000000000000000000000000000000000000";

    protected override string SignatureHeader => AsanaDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """{"events":[{"user":{"gid":"1","resource_type":"user"},"created_at":"2026-11-27T12:00:00.000Z","action":"changed","resource":{"gid":"1337","resource_type":"task"},"parent":null}]}""";

    protected override string? EventType => "task.changed";

    [Fact]
    public void Verify_HexSignatureComputedIndependently_ReadsEachEventSigned()
    {
        var body = Encoding.UTF8.GetBytes(TwoEvents);
        var headers = new HeaderDictionary
        {
            [AsanaDefaults.SignatureHeader] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)),
        };

        var result = new AsanaScheme("test", new AsanaOptions { Secret = Secret }).Verify(new WebhookRequest("POST", null, headers, body), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        var items = result.Delivery!.Items!;
        Assert.Equal(["task.changed", "story.added"], items.Select(e => e.EventType.Value));
        Assert.All(items, e => Assert.True(e.EventType.IsSigned));
        Assert.All(items, e => Assert.Null(e.Id.Value));
        Assert.NotEqual(items[0].ReplayKey, items[1].ReplayKey);
        Assert.Equal(WebhookReplayKeys.ForSignedContent(items[0].Json.Span), items[0].ReplayKey);
    }

    [Fact]
    public async Task Pipeline_Handshake_EchoesXHookSecretWithoutHandlerOrClaim()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new ByteArrayContent([]) };
        request.Headers.TryAddWithoutValidation(AsanaDefaults.SecretHeader, "4a0e5b2b1c3d");

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("4a0e5b2b1c3d", Assert.Single(response.Headers.GetValues(AsanaDefaults.SecretHeader)));
        Assert.Equal(0, runs);
        Assert.Equal(0, ((WebhookReceiver.Replay.InMemoryNonceStore)host.Services.GetRequiredService<IWebhookNonceStore>()).Count);
        Assert.DoesNotContain(host.Logs.Messages, m => m.Contains("4a0e5b2b1c3d", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_HandshakeBeforeAnySecret_IsAnsweredWhenStartWithoutSecret()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddAsana(SchemeName, o => o.StartWithoutSecret = true),
            app => app.MapWebhook<JsonElement>(Path, SchemeName, (hook, ct) => Task.CompletedTask));
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new ByteArrayContent([]) };
        request.Headers.TryAddWithoutValidation(AsanaDefaults.SecretHeader, Secret);

        var handshake = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var delivery = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        Assert.Equal(Secret, Assert.Single(handshake.Headers.GetValues(AsanaDefaults.SecretHeader)));
        Assert.Equal(HttpStatusCode.Unauthorized, delivery.StatusCode);
        Assert.Contains(host.Logs.Messages, m => m.Contains("no secret is configured", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_NoSecretConfigured_FailsNamingTheMissingSecret()
    {
        var scheme = new AsanaScheme("test", new AsanaOptions { StartWithoutSecret = true });

        var result = scheme.Verify(ToRequest(Sign(SigningSecret, WebhookTestHost.Start)), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Contains("no secret is configured", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_StartWithoutSecret_AllowsNoSecretOnlyWhenSet()
    {
        var refused = new List<string>();
        new AsanaOptions().Validate(refused);
        var allowed = new List<string>();
        new AsanaOptions { StartWithoutSecret = true }.Validate(allowed);

        Assert.NotEmpty(refused);
        Assert.Empty(allowed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("two")]
    [InlineData("long")]
    [InlineData("with space")]
    [InlineData("signed")]
    public void AnswerUnsigned_NotAHandshake_ReturnsNull(string? secret)
    {
        var headers = new HeaderDictionary();
        switch (secret)
        {
            case null:
                break;
            case "two":
                headers[AsanaDefaults.SecretHeader] = new Microsoft.Extensions.Primitives.StringValues(["a", "b"]);
                break;
            case "long":
                headers[AsanaDefaults.SecretHeader] = new string('a', AsanaDefaults.MaxSecretLength + 1);
                break;
            case "signed":
                headers[AsanaDefaults.SecretHeader] = "abc";
                headers[AsanaDefaults.SignatureHeader] = "00";
                break;
            default:
                headers[AsanaDefaults.SecretHeader] = secret;
                break;
        }
        var scheme = (AsanaScheme)CreateScheme(Secret);

        Assert.Null(scheme.AnswerUnsigned(new WebhookRequest("POST", null, headers, ReadOnlyMemory<byte>.Empty)));
    }

    [Fact]
    public async Task Pipeline_BatchOfEvents_RunsEachEventOnceByType()
    {
        var seen = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddAsana(SchemeName, o => o.Secret = Secret),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("task.changed", (hook, ct) => Record(seen, hook))
                .On<JsonElement>("story.added", (hook, ct) => Record(seen, hook)));
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), TwoEvents);

        var first = await SendAsync(host, signed.ToHttpRequest(Url));
        var again = await SendAsync(host, signed.ToHttpRequest(Url));

        Assert.Equal("""{"status":"processed"}""", first);
        Assert.Equal("""{"status":"duplicate"}""", again);
        Assert.Equal(["task.changed", "story.added"], seen);
    }

    [Fact]
    public async Task Pipeline_Heartbeat_IsAnswered200WithoutHandler()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), """{"events":[]}""").ToHttpRequest(Url),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, runs);
    }

    private static Task Record(List<string?> seen, Webhook<JsonElement> hook)
    {
        lock (seen)
            seen.Add(hook.EventType);
        return Task.CompletedTask;
    }
}
