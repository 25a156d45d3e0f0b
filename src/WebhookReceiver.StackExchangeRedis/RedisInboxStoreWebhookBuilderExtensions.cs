using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebhookReceiver;
using WebhookReceiver.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis Streams inbox store, shared by every instance of the application.</summary>
public static class RedisInboxStoreWebhookBuilderExtensions
{
    /// <summary>
    /// Replaces the in-memory inbox store with the durable Redis Streams one for every endpoint mapped with <c>UseInbox()</c>:
    /// a delivery is acknowledged once its entries are in Redis, every instance takes entries from one consumer group, and
    /// the entries of an instance that died are taken over once their lease has run out. Without connection settings in
    /// <paramref name="configure"/> the store uses the Redis nonce store's connection (register it with
    /// <c>AddRedisNonceStore</c>). Options are validated at start-up. While Redis is unreachable deliveries are answered 503.
    /// </summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="configure">Sets <see cref="RedisInboxStoreOptions"/>; may be <see langword="null"/> to share the nonce store's connection.</param>
    public static WebhookBuilder AddRedisInboxStore(this WebhookBuilder builder, Action<RedisInboxStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<RedisInboxStoreOptions>();
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<RedisInboxStoreOptions>, RedisInboxStoreOptionsSetup>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisInboxStoreOptions>, RedisInboxStoreOptionsValidator>());
        builder.Services.AddLogging();
        return builder.AddInboxStore<RedisInboxStore>();
    }
}
