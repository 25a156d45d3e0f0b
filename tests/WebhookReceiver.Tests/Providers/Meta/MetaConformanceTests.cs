using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Meta;

public sealed class MetaConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string VerifyToken = "meta-verify-token";

    public override WebhookProvider Provider => MetaScheme.Provider;

    protected override string SigningSecret => "meta-app-secret-1";

    protected override string OtherSigningSecret => "meta-app-secret-2";

    protected override string SignatureHeader => MetaDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """{"object":"page","entry":[{"id":"1234","time":1732700000,"changes":[{"field":"feed","value":{}}]}]}""";

    protected override string? EventType => "page";

    protected override string? ExpectedDeliveryId => null;

    protected override void Configure(WebhookSchemeOptions options) => ((MetaOptions)options).VerifyToken = VerifyToken;

    [Fact]
    public async Task Get_SubscribeWithRightToken_EchoesChallengeAsTextPlainWithoutHandler()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });

        var response = await host.Client.GetAsync(Handshake("subscribe", VerifyToken, "1158201444"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task Get_WrongToken_Answers403()
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);

        var response = await host.Client.GetAsync(Handshake("subscribe", "guessed-token", "1158201444"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("1158201444", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoVerifyTokenConfigured_Answers403()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddMeta(SchemeName, o => o.Secret = SigningSecret),
            app => app.MapWebhook(Path, SchemeName, (Webhook<System.Text.Json.JsonElement> hook, CancellationToken ct) => Task.CompletedTask));

        var response = await host.Client.GetAsync(Handshake("subscribe", "", "1158201444"), TestContext.Current.CancellationToken);
        var withToken = await host.Client.GetAsync(Handshake("subscribe", "anything", "1158201444"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withToken.StatusCode);
    }

    [Theory]
    [InlineData("hub.verify_token=meta-verify-token&hub.challenge=1")]
    [InlineData("hub.mode=subscribe&hub.challenge=1")]
    [InlineData("hub.mode=subscribe&hub.verify_token=meta-verify-token")]
    [InlineData("hub.mode=unsubscribe&hub.verify_token=meta-verify-token&hub.challenge=1")]
    [InlineData("hub.mode=subscribe&hub.verify_token=meta-verify-token&hub.challenge=1&hub.challenge=2")]
    [InlineData("")]
    public async Task Get_MissingOrUnknownParameters_Answers400(string query)
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);

        var response = await host.Client.GetAsync(Url + "?" + query, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Handshake(string mode, string token, string challenge)
        => $"{Url}?hub.mode={Uri.EscapeDataString(mode)}&hub.verify_token={Uri.EscapeDataString(token)}&hub.challenge={Uri.EscapeDataString(challenge)}";
}
