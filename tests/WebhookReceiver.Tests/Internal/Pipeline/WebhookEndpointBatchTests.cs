using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Internal;

/// <summary>The pipeline's handling of deliveries a scheme splits into items (<see cref="WebhookScheme.ReadBatch"/>).</summary>
public sealed class WebhookEndpointBatchTests
{
    private const string Secret = "hubspot-client-secret";
    private const string Url = "http://localhost/hooks";
    private const string Batch = """[{"eventId":1,"subscriptionType":"contact.creation"},{"eventId":2,"subscriptionType":"contact.creation"}]""";

    [Fact]
    public async Task Batch_OneEventInFlightElsewhere_ProcessesTheOthersAndAnswers409()
    {
        var seen = new List<string?>();
        await using var host = await StartAsync(seen);
        var store = host.Services.GetRequiredService<IWebhookNonceStore>();
        await store.TryClaimAsync("hs:2", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        var response = await host.Client.SendAsync(Sign(host), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));
        Assert.Equal(["1"], seen);
    }

    [Fact]
    public async Task Batch_SameEventTwice_IsProcessedOnceAndAnswered200()
    {
        // Found by the fuzz suite: the repeat was claimed against the first item's in-flight claim and the batch answered 409.
        var seen = new List<string?>();
        await using var host = await StartAsync(seen);
        const string twice = """[{"eventId":1,"subscriptionType":"contact.creation"},{"eventId":1,"subscriptionType":"contact.creation"},{},{}]""";

        var response = await host.Client.SendAsync(Sign(host, twice), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"processed"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["1"], seen);
        Assert.Equal(2, ((WebhookReceiver.Replay.InMemoryNonceStore)host.Services.GetRequiredService<IWebhookNonceStore>()).Count);
    }

    [Fact]
    public async Task Batch_StoreDown_Answers503WithoutRunningHandlers()
    {
        var seen = new List<string?>();
        var store = new RecordingStore { Down = true };
        await using var host = await StartAsync(seen, services => services.AddSingleton<IWebhookNonceStore>(store));

        var response = await host.Client.SendAsync(Sign(host), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task Batch_EachEvent_IsClaimedAtAdmissionAndCompletedUnderItsOwnKey()
    {
        var store = new RecordingStore();
        await using var host = await StartAsync([], services => services.AddSingleton<IWebhookNonceStore>(store));

        var response = await host.Client.SendAsync(Sign(host), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["claim hs:1", "claim hs:2", "complete hs:1", "complete hs:2"], store.Calls);
    }

    [Fact]
    public async Task Batch_EventWithUnreadablePayload_Answers400AfterProcessingTheOthers()
    {
        var seen = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddHubSpot("hs", o => o.Secret = Secret),
            app => app.MapWebhook("/hooks", "hs").On<Contact>("contact.creation", (hook, ct) =>
            {
                seen.Add(hook.DeliveryId);
                return Task.CompletedTask;
            }));
        const string body = """[{"eventId":1,"subscriptionType":"contact.creation","objectId":5},{"eventId":2,"subscriptionType":"contact.creation","objectId":"not a number"}]""";

        var response = await host.Client.SendAsync(Sign(host, body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["1"], seen);
    }

    [Fact]
    public async Task Batch_NoHandlerForAnyEvent_IsIgnored()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddHubSpot("hs", o => o.Secret = Secret),
            app => app.MapWebhook("/hooks", "hs").On<JsonElement>("deal.deletion", (hook, ct) => Task.CompletedTask));

        var response = await host.Client.SendAsync(Sign(host), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ignored"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static Task<WebhookTestHost> StartAsync(List<string?> seen, Action<IServiceCollection>? services = null)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddHubSpot("hs", o => o.Secret = Secret),
            app => app.MapWebhook("/hooks", "hs").On<JsonElement>("contact.creation", (hook, ct) =>
            {
                seen.Add(hook.DeliveryId);
                return Task.CompletedTask;
            }),
            services);

    private static HttpRequestMessage Sign(WebhookTestHost host, string body = Batch)
    {
        var options = new HubSpotOptions { Secret = Secret };
        var signed = new HubSpotScheme("hs", options).Sign(new WebhookSigningRequest
        {
            Body = Encoding.UTF8.GetBytes(body),
            Url = Url,
            Timestamp = host.Time.GetUtcNow(),
        });
        return signed.ToHttpRequest(Url);
    }

    private sealed record Contact(int ObjectId);
}
