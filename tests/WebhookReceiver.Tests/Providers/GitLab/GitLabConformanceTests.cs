using System.Net;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.GitLab;

public sealed class GitLabConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Token = "gitlab-secret-token-1";

    public override WebhookProvider Provider => GitLabScheme.Provider;

    protected override string SigningSecret => Token;

    protected override string OtherSigningSecret => "gitlab-secret-token-2";

    protected override string SignatureHeader => GitLabDefaults.TokenHeader;

    protected override bool SignsTimestamp => false;

    protected override bool SignsBody => false;

    protected override string Body => """{"object_kind":"push","ref":"refs/heads/main","project":{"id":15}}""";

    protected override string? EventType => "Push Hook";

    protected override IReadOnlyList<string> UnsignedIdHeaders => [GitLabDefaults.IdempotencyKeyHeader, GitLabDefaults.EventUuidHeader];

    protected override string? UnsignedEventTypeHeader => GitLabDefaults.EventHeader;

    [Fact]
    public async Task Pipeline_WrongToken_Answers401WithoutRunningHandler()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });
        var request = Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url);
        request.Headers.Remove(GitLabDefaults.TokenHeader);
        request.Headers.Add(GitLabDefaults.TokenHeader, Token + "x");

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, runs);
        Assert.DoesNotContain(host.Logs.Messages, m => m.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_SecondTokenDuringRotation_Succeeds()
    {
        var options = new GitLabOptions { Secret = "the-new-token" };
        options.Secrets.Add(Token);

        var result = new GitLabScheme("test", options).Verify(Request((GitLabDefaults.TokenHeader, Token)), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void ReadDelivery_IdempotencyKeyAndEventUuid_AreLabelsAndTheBodyIsTheReplayKey()
    {
        var scheme = new GitLabScheme("test", new GitLabOptions { Secret = Token });

        var both = scheme.Verify(Request((GitLabDefaults.TokenHeader, Token), (GitLabDefaults.IdempotencyKeyHeader, "idem-1"),
            (GitLabDefaults.EventUuidHeader, "uuid-1")), WebhookTestHost.Start).Delivery!.Whole;
        var uuidOnly = scheme.Verify(Request((GitLabDefaults.TokenHeader, Token), (GitLabDefaults.EventUuidHeader, "uuid-1"),
            (GitLabDefaults.EventHeader, "Merge Request Hook")), WebhookTestHost.Start).Delivery!.Whole;

        Assert.Equal(WebhookValue.FromLabel("idem-1"), both.Id);
        Assert.Equal(WebhookValue.FromLabel("uuid-1"), uuidOnly.Id);
        Assert.Equal(WebhookValue.FromLabel("Merge Request Hook"), uuidOnly.EventType);
        Assert.Equal(WebhookReplayKeys.ForSignedContent("{}"u8), both.ReplayKey);
        Assert.Equal(both.ReplayKey, uuidOnly.ReplayKey);
    }

    private static WebhookRequest Request(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers)
            dictionary[name] = value;
        return new WebhookRequest("POST", null, dictionary, "{}"u8.ToArray());
    }
}
