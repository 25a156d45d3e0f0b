using System.Net;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers;

/// <summary>
/// The conformance tests plus one pipeline test that the delivery id and event type the provider sends reach the
/// handler (<c>hook.DeliveryId</c>, <c>hook.EventType</c>). The signer is asked for delivery id <see cref="RequestedId"/>;
/// providers that carry the id in the body say which id the handler sees instead.
/// </summary>
public abstract class ProviderEnvelopeConformanceTests : ProviderConformanceTests
{
    protected const string RequestedId = "delivery-42";

    /// <summary>The delivery id the handler must see. The default is <see cref="RequestedId"/> (providers with an id header).</summary>
    protected virtual string? ExpectedDeliveryId => RequestedId;

    [Fact]
    public async Task Pipeline_SignedDelivery_HandlerSeesDeliveryIdAndEventType()
    {
        string? deliveryId = null, eventType = null;
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            deliveryId = hook.DeliveryId;
            eventType = hook.EventType;
            return Task.CompletedTask;
        });
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), id: RequestedId);

        var response = await host.Client.SendAsync(signed.ToHttpRequest(Url, ContentType), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, runs);
        Assert.Equal(ExpectedDeliveryId, deliveryId);
        Assert.Equal(EventType, eventType);
    }

    /// <summary>Sends a signed ping (event type in a header, or in <paramref name="body"/>) and checks the library answers it.</summary>
    protected async Task AssertPingIsAnsweredWithoutHandlerAsync(string body, string eventType)
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });
        var signed = CreateScheme(SigningSecret).Sign(new WebhookSigningRequest
        {
            Body = System.Text.Encoding.UTF8.GetBytes(body),
            Timestamp = host.Time.GetUtcNow(),
            EventType = eventType,
        });

        var response = await host.Client.SendAsync(signed.ToHttpRequest(Url, ContentType), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"pong"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, runs);
    }
}
