using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Teams;

public sealed class TeamsConformanceTests : ProviderEnvelopeConformanceTests
{
    // A security token as Teams shows it: base64 of the 32-byte HMAC key.
    private const string Token = "q0CtR1kz1e0yT+gBx3hx/3Zc9o4Y3mGd2qY8bTQ3y9E=";
    private const string OtherToken = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private const string Activity = """{"type":"message","id":"1485983408511","timestamp":"2026-12-03T05:56:48.000Z","serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams","from":{"id":"29:1XJ","name":"Ada"},"conversation":{"id":"19:abc@thread.skype"},"text":"<at>Bot</at> status"}""";

    public override WebhookProvider Provider => TeamsScheme.Provider;

    protected override string SigningSecret => Token;

    protected override string OtherSigningSecret => OtherToken;

    protected override string SignatureHeader => TeamsDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => Activity;

    protected override string? EventType => "message";

    protected override string? ExpectedDeliveryId => "1485983408511";

    /// <summary>Teams' value as its samples build it: "HMAC " + base64(HMAC-SHA256(base64-decoded token, body)).</summary>
    private static string Expected(string token, string body)
        => "HMAC " + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(token), Encoding.UTF8.GetBytes(body)));

    private static WebhookRequest Request(string authorization, string body)
        => new("POST", Url, new HeaderDictionary { [TeamsDefaults.SignatureHeader] = authorization }, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Verify_IndependentlyComputedSignature_Succeeds()
    {
        var result = Verify(Request(Expected(Token, Activity), Activity), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        var e = Assert.Single(result.Delivery!.Events);
        Assert.Equal(new WebhookValue("1485983408511", true), e.Id);
        Assert.Equal(new WebhookValue("message", true), e.EventType);
        Assert.True(result.Delivery.ExpectsReply);
    }

    [Fact]
    public void Sign_WritesTheValueTeamsSends()
        => Assert.Equal(Expected(Token, Activity), HeaderOf(Sign(Token, WebhookTestHost.Start), TeamsDefaults.SignatureHeader));

    [Fact]
    public void Verify_TokenUsedAsUtf8Text_FailsWithSignatureMismatch()
    {
        var utf8Keyed = "HMAC " + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Token), Encoding.UTF8.GetBytes(Activity)));

        var result = Verify(Request(utf8Keyed, Activity), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
    }

    [Theory]
    [InlineData("Bearer eyJhbGciOi")]
    [InlineData("hmac c2lnbmF0dXJl")]
    [InlineData("HMAC")]
    public void Verify_AuthorizationWithoutHmacScheme_FailsWithMalformedHeader(string authorization)
        => Assert.Equal(WebhookVerificationFailure.MalformedHeader, Verify(Request(authorization, Activity), WebhookTestHost.Start).Failure);

    [Fact]
    public void Scheme_TokenNotBase64_ThrowsFormatException()
        => Assert.Throws<FormatException>(() => CreateScheme("not base64 !"));

    [Fact]
    public void Verify_RotatedTokens_AcceptsEither()
    {
        var options = new TeamsOptions { Secret = OtherToken };
        options.Secrets.Add(Token);

        var result = new TeamsScheme(SchemeName, options).Verify(Request(Expected(Token, Activity), Activity), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task Pipeline_HandlerReply_IsTheResponseTeamsShows()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddTeams(SchemeName, o => o.Secret = Token),
            app => app.MapWebhook(Path, SchemeName).On<JsonElement>("message", (hook, ct) =>
            {
                hook.Respond(TypedResults.Text("""{"type":"message","text":"all green"}""", "application/json"));
                return Task.CompletedTask;
            }));
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(Activity, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(TeamsDefaults.SignatureHeader, Expected(Token, Activity));

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":"message","text":"all green"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UseInbox_Teams_FailsAtStartup()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookTestHost.StartAsync(
            schemes => schemes.AddTeams("teams", o => o.Secret = Token),
            app => app.MapWebhook("/webhooks/teams", "teams").UseInbox()));
        Assert.Contains("cannot use the inbox", error.Message, StringComparison.Ordinal);
    }
}
