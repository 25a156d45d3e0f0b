using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Discord;

public sealed class DiscordConformanceTests : ProviderConformanceTests
{
    // RFC 8032 section 7.1, TEST 1 and TEST 2: seed, then public key.
    private const string PublicKey1 = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string PrivateKey1 = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60" + PublicKey1;
    private const string PrivateKey2 = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";

    public override WebhookProvider Provider => DiscordScheme.Provider;

    protected override string SigningSecret => PrivateKey1;

    protected override string VerifyingSecret => PublicKey1;

    protected override string OtherSigningSecret => PrivateKey2;

    protected override string SignatureHeader => DiscordDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string Body => """{"id":"1100000000000000001","application_id":"42","type":2,"data":{"name":"ping"},"token":"interaction-token"}""";

    protected override string? EventType => "2";

    [Fact]
    public async Task Pipeline_Ping_IsAnsweredWithPongAfterVerification()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), """{"id":"1","application_id":"42","type":1}""");

        var response = await host.Client.SendAsync(signed.ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task Pipeline_PingWithBadSignature_Answers401()
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);
        var signed = Sign(OtherSigningSecret, host.Time.GetUtcNow(), """{"id":"1","application_id":"42","type":1}""");

        var response = await host.Client.SendAsync(signed.ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pipeline_ApplicationCommand_DispatchesByTypeWithInteractionId()
    {
        string? id = null;
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddDiscord(SchemeName, o => o.Secret = PublicKey1),
            app => app.MapWebhook(Path, SchemeName).On<JsonElement>("2", (hook, ct) =>
            {
                id = hook.DeliveryId;
                return Task.CompletedTask;
            }));

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1100000000000000001", id);
    }

    [Fact]
    public void Verify_TimestampHeaderChanged_Fails()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var result = Verify(ToRequest(signed, h => h[DiscordDefaults.TimestampHeader] = (now.ToUnixTimeSeconds() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), now);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void Sign_WithPublicKeyOnly_Throws()
        => Assert.Throws<InvalidOperationException>(() => Sign(PublicKey1, WebhookTestHost.Start));

    [Theory]
    [InlineData("not hex")]
    [InlineData("d75a980182b10ab7")]
    [InlineData("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60" + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")]
    public void Scheme_MalformedKey_ThrowsFormatException(string key)
        => Assert.Throws<FormatException>(() => CreateScheme(key));

    [Fact]
    public void Verify_RotatedKeys_AcceptsEither()
    {
        var now = WebhookTestHost.Start;
        var options = new DiscordOptions { Secret = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c" };
        options.Secrets.Add(PublicKey1);
        var result = new DiscordScheme(SchemeName, options).Verify(ToRequest(Sign(SigningSecret, now)), now);
        Assert.True(result.Succeeded, result.Reason);
    }
}
