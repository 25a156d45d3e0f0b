using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

namespace WebhookReceiver.StackExchangeRedis.Tests.Inbox;

/// <summary>A receiver application with <c>UseInbox()</c> on the Redis inbox store, from delivery to completed entry.</summary>
public sealed class RedisInboxEndToEndTests(RedisServers servers)
{
    private static async Task<WebApplication> StartAsync(RedisTarget redis, string prefix, HandlerProbe probe)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:Inbox:RetryDelay"] = "00:00:00.200",
            ["Webhooks:Inbox:MaxRetryDelay"] = "00:00:00.500",
        });
        builder.Services.AddWebhooks()
            .AddStandardWebhooks(Receiver.Scheme, o => o.Secret = Deliveries.Secret)
            .AddRedisNonceStore(o =>
            {
                o.Configuration = redis.Configuration;
                o.InstanceName = prefix;
            })
            .AddRedisInboxStore(o => o.ConsumerGroup = "orders-app");
        var app = builder.Build();
        app.MapWebhook(Receiver.Path, Receiver.Scheme).OnAny<JsonElement>(probe.HandleAsync).UseInbox();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static async Task<WebhookInboxEntry> WaitForAsync(IWebhookInboxStore store, string deliveryId, WebhookInboxStatus status)
    {
        for (var i = 0; i < 400; i++)
        {
            foreach (var entry in await store.ListAsync(status, 100, TestContext.Current.CancellationToken))
            {
                if (entry.DeliveryId.Value == deliveryId)
                    return entry;
            }
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"The entry of {deliveryId} did not become {status}.");
    }

    [Fact]
    public async Task Deliver_StandardWebhooksDelivery_AcceptedThenHandledAndCompletedInRedis()
    {
        var redis = await InboxRedis.GetAsync(servers);
        var prefix = RedisTarget.UniquePrefix();
        var probe = new HandlerProbe();
        probe.FailNext(); // the first attempt throws: retried through the due set
        await using var app = await StartAsync(redis, prefix, probe);
        using var client = app.GetTestClient();
        var id = Deliveries.NewId();
        var delivery = Deliveries.Sign(id);

        var reply = await client.PostAsync(delivery);

        Assert.Equal(new Reply(HttpStatusCode.OK, "accepted", false), reply);
        var store = app.Services.GetRequiredService<IWebhookInboxStore>();
        var completed = await WaitForAsync(store, id, WebhookInboxStatus.Completed);
        Assert.Equal(2, probe.Runs(id));
        Assert.Equal(1, probe.Completed(id));
        Assert.Equal(2, completed.Attempts);
        Assert.Equal("order.created", completed.EventType.Value);
        Assert.True(completed.DeliveryId.IsSigned);
        Assert.Equal(delivery.Body.ToArray(), completed.Body.ToArray());
        Assert.NotNull(completed.CompletedAt);
        Assert.True(await redis.Database.KeyExistsAsync($"{prefix}inbox:{{orders-app}}:e:{completed.Id}"));
        Assert.Equal(0, await redis.Database.StreamLengthAsync($"{prefix}inbox:{{orders-app}}:stream"));

        Assert.Equal(new Reply(HttpStatusCode.OK, "duplicate", false), await client.PostAsync(delivery));
        Assert.Equal(2, probe.Runs(id));
    }
}
