using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WebhookReceiver.Testing;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Samples;

/// <summary>What a new user sees: the Quickstart as shipped (Development settings) answers the README's three requests.</summary>
public sealed class QuickstartTests(QuickstartTests.Factory factory) : IClassFixture<QuickstartTests.Factory>
{
    private const string DevelopmentSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Factory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");
    }

    private static HttpRequestMessage Signed(string body, string id, string secret = DevelopmentSecret)
    {
        var scheme = new StandardWebhooksScheme("standard", new StandardWebhooksOptions { Secret = secret });
        return scheme.Sign(new WebhookSigningRequest { Body = Encoding.UTF8.GetBytes(body), Id = id, Timestamp = DateTimeOffset.UtcNow })
            .ToHttpRequest("http://localhost/webhooks/standard");
    }

    [Fact]
    public async Task SignedRequest_Processed_ReplayDuplicate_Tampered401()
    {
        using var client = factory.CreateClient();
        var id = "msg_" + Guid.NewGuid().ToString("N");
        const string body = """{"type":"order.created","data":{"orderId":"o-1","amount":12.5}}""";

        var processed = await client.SendAsync(Signed(body, id), Ct);
        var replay = await client.SendAsync(Signed(body, id), Ct);
        var tampered = Signed(body, "msg_" + Guid.NewGuid().ToString("N"));
        tampered.Content = new StringContent(body.Replace("o-1", "o-2", StringComparison.Ordinal));

        Assert.Equal("""{"status":"processed"}""", await processed.Content.ReadAsStringAsync(Ct));
        Assert.Equal("""{"status":"duplicate"}""", await replay.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(tampered, Ct)).StatusCode);
    }

    [Fact]
    public async Task WrongSecret_Answers401()
    {
        using var client = factory.CreateClient();

        var response = await client.SendAsync(Signed("""{"type":"order.created"}""", "msg_x", StandardDelivery.OtherSecret), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GitHub_PushProcessedOnce_PingAnsweredByTheLibrary()
    {
        using var client = factory.CreateClient();
        var push = WebhookRequestBuilder.For("github", "quickstart-github-development-secret").To("/webhooks/github")
            .WithBody("""{"ref":"refs/heads/main","commits":[{"id":"1"}]}""").WithEventType("push").WithId(Guid.NewGuid().ToString());
        var ping = WebhookRequestBuilder.For("github", "quickstart-github-development-secret").To("/webhooks/github")
            .WithBody("""{"zen":"Keep it logically awesome."}""").WithEventType("ping").WithId(Guid.NewGuid().ToString());

        var responses = await push.SendDuplicatesAsync(client, 2, Ct);
        var pong = await ping.SendAsync(client, Ct);

        Assert.Equal("""{"status":"processed"}""", await responses[0].Content.ReadAsStringAsync(Ct));
        Assert.Equal("""{"status":"duplicate"}""", await responses[1].Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
        Assert.Contains("pong", await pong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stripe_EventProcessed_WrongSecret401()
    {
        using var client = factory.CreateClient();
        var id = "evt_" + Guid.NewGuid().ToString("N");
        var invoice = WebhookRequestBuilder.For("stripe", "whsec_quickstart_stripe_development_secret").To("/webhooks/stripe")
            .WithBody("{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"invoice.paid\",\"data\":{\"object\":{}}}");

        var processed = await invoice.SendAsync(client, Ct);
        var forged = await invoice.WithWrongSecret().SendAsync(client, Ct);

        Assert.Equal("""{"status":"processed"}""", await processed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }
}
