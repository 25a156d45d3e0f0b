using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Mvc;

/// <summary>[VerifyWebhook] on MVC actions: the response contract of MapWebhook, through TestServer.</summary>
public sealed class VerifyWebhookAttributeTests
{
    private const string HubSpotSecret = "hubspot-client-secret";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<WebhookTestHost> StartAsync(Action<StandardWebhooksOptions>? configure = null, IWebhookNonceStore? store = null)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddHubSpot("hs", o => o.Secret = HubSpotSecret).AddStandardWebhooks("orders", o =>
            {
                o.Secret = StandardDelivery.Secret;
                configure?.Invoke(o);
            }),
            app => app.MapControllers(),
            services =>
            {
                if (store is not null)
                    services.AddSingleton(store);
                services.AddSingleton<HandlerProbe>().AddScoped<ScopedMarker>()
                    .AddControllers().AddApplicationPart(typeof(OrdersWebhookController).Assembly);
            });

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(WebhookTestHost host, HttpRequestMessage request)
    {
        var response = await host.Client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static HttpRequestMessage Delivery(WebhookTestHost host, string id, string orderId = "o-1", string path = StandardDelivery.Path)
    {
        var request = StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody(orderId: orderId), id);
        request.RequestUri = new Uri("http://localhost" + path);
        return request;
    }

    private static HandlerProbe Probe(WebhookTestHost host) => host.Services.GetRequiredService<HandlerProbe>();

    [Fact]
    public async Task Verified_ActionReturnsNothing_Answers200ProcessedWithBoundWebhook()
    {
        await using var host = await StartAsync();

        var (status, body) = await SendAsync(host, Delivery(host, "msg_1", "o-7"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"processed"}""", body);
        Assert.Equal(["mvc order.created o-7 msg_1 True"], Probe(host).Seen);
    }

    [Fact]
    public async Task Verified_ActionReturnsResult_ItsAnswerIsSent()
    {
        await using var host = await StartAsync();

        var (status, body) = await SendAsync(host, Delivery(host, "msg_r", "o-8", StandardDelivery.Path + "/reply"));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("""{"order":"o-8"}""", body);
        Assert.Equal(["reply o-8"], Probe(host).Seen);
    }

    [Fact]
    public async Task SameDeliveryTwice_Answers200DuplicateWithoutRunningAction()
    {
        await using var host = await StartAsync();

        await SendAsync(host, Delivery(host, "msg_dup"));
        var (status, body) = await SendAsync(host, Delivery(host, "msg_dup"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"duplicate"}""", body);
        Assert.Single(Probe(host).Seen);
    }

    [Fact]
    public async Task TamperedBody_Answers401WithoutRunningAction()
    {
        await using var host = await StartAsync();
        var request = Delivery(host, "msg_t");
        request.Content = new StringContent(StandardDelivery.OrderBody(orderId: "o-2"), Encoding.UTF8, "application/json");

        var (status, body) = await SendAsync(host, request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("\"status\":401", body, StringComparison.Ordinal);
        Assert.Empty(Probe(host).Seen);
    }

    [Fact]
    public async Task BodyLargerThanMaxBodySize_Answers413()
    {
        await using var host = await StartAsync(o => o.MaxBodySize = 1024);

        var (status, body) = await SendAsync(host, Delivery(host, "msg_big", new string('x', 2000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("\"status\":413", body, StringComparison.Ordinal);
        Assert.Empty(Probe(host).Seen);
    }

    [Fact]
    public async Task VerifiedMalformedPayload_Answers400AndReleases()
    {
        var store = new RecordingStore();
        await using var host = await StartAsync(store: store);
        var body = """{"type":"order.created","data":{"orderId":"o-1","amount":"not a number"}}""";

        var (status, response) = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), body, "msg_bad"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("\"status\":400", response, StringComparison.Ordinal);
        Assert.Equal(["claim orders:msg_bad", "release orders:msg_bad"], store.Calls);
        Assert.Empty(Probe(host).Seen);
    }

    [Fact]
    public async Task ActionThrows_Answers500AndRetryIsProcessed()
    {
        await using var host = await StartAsync();
        Probe(host).FailuresLeft = 1;

        var (failed, problem) = await SendAsync(host, Delivery(host, "msg_boom", "boom"));
        var (retried, body) = await SendAsync(host, Delivery(host, "msg_boom", "boom"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed);
        Assert.Contains("\"status\":500", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("action failed", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.Equal("""{"status":"processed"}""", body);
        Assert.Equal(["mvc order.created boom msg_boom True"], Probe(host).Seen);
    }

    [Fact]
    public async Task ActionAnswersNon2xx_ItsAnswerStandsAndRetryIsProcessed()
    {
        await using var host = await StartAsync();
        Probe(host).FailuresLeft = 1;

        var (declined, _) = await SendAsync(host, Delivery(host, "msg_rej", "reject"));
        var (retried, body) = await SendAsync(host, Delivery(host, "msg_rej", "reject"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, declined);
        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.Equal("""{"status":"processed"}""", body);
    }

    [Fact]
    public async Task BatchDelivery_ReachesTheActionWholeOnce()
    {
        await using var host = await StartAsync();
        const string url = "http://localhost/hooks";
        var signed = new HubSpotScheme("hs", new HubSpotOptions { Secret = HubSpotSecret }).Sign(new WebhookSigningRequest
        {
            Body = """[{"eventId":1,"subscriptionType":"contact.creation"},{"eventId":2,"subscriptionType":"contact.creation"}]"""u8.ToArray(),
            Url = url,
            Timestamp = host.Time.GetUtcNow(),
        });

        var (status, body) = await SendAsync(host, signed.ToHttpRequest(url));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"processed"}""", body);
        Assert.Equal(["batch 2 True"], Probe(host).Seen);
    }

    [Fact]
    public async Task UnregisteredScheme_StopsTheAppAtStartup()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapControllers(),
            services => services.AddControllers().ConfigureApplicationPartManager(parts =>
            {
                parts.ApplicationParts.Clear();
                parts.FeatureProviders.Add(new OnlyController(typeof(MisnamedWebhookController)));
            })));

        Assert.Contains("'strpie'", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(MisnamedWebhookController), error.Message, StringComparison.Ordinal);
    }

    private sealed class OnlyController(Type controller) : IApplicationFeatureProvider<ControllerFeature>
    {
        public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature) => feature.Controllers.Add(controller.GetTypeInfo());
    }
}
