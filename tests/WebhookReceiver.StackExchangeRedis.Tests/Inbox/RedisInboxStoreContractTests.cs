using WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;
using WebhookReceiver.Tests.Inbox;

namespace WebhookReceiver.StackExchangeRedis.Tests.Inbox;

/// <summary>The inbox store contract on a real Redis (see <see cref="InboxRedis"/> for why not Garnet).</summary>
public sealed class RedisInboxStoreContractTests(RedisServers servers) : InboxStoreContractTests
{
    protected override async Task<IWebhookInboxStore> CreateStoreAsync()
    {
        var redis = await InboxRedis.GetAsync(servers);
        return InboxRedis.Create(InboxRedis.Options(redis.Configuration, InboxRedis.NewGroup()));
    }
}
