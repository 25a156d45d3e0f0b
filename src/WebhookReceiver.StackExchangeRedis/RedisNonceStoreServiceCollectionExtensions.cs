using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebhookReceiver;
using WebhookReceiver.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis nonce store, shared by every instance of the receiver.</summary>
public static class RedisNonceStoreServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the in-memory nonce store with the Redis one, so replays and redeliveries are refused across every
    /// instance behind the load balancer. Options take the <c>AddStackExchangeRedisCache</c> shape, e.g.
    /// <c>o.Configuration = "redis:6379"; o.InstanceName = "webhooks:";</c>, and are validated at start-up.
    /// The store connects and loads its scripts while the host starts, before the server takes requests (waiting at most
    /// the connect timeout); a Redis that is down then does not stop the app from starting: a warning is logged and the
    /// store connects as soon as Redis is reachable. While Redis is unreachable deliveries are answered 503 with <c>Retry-After</c> (or processed unprotected for
    /// schemes with <c>Replay:FailOpen</c>); the receiver recovers by itself when Redis is back.
    /// </summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="configure">Sets <see cref="RedisNonceStoreOptions"/>.</param>
    public static WebhookBuilder AddRedisNonceStore(this WebhookBuilder builder, Action<RedisNonceStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRedisNonceStore(configure);
        return builder;
    }

    /// <summary>
    /// Registers the Redis nonce store as the <see cref="IWebhookNonceStore"/>, before or after <c>AddWebhooks()</c>
    /// (it replaces the in-memory default either way).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="RedisNonceStoreOptions"/>.</param>
    public static IServiceCollection AddRedisNonceStore(this IServiceCollection services, Action<RedisNonceStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RedisNonceStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisNonceStoreOptions>, RedisNonceStoreOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton<RedisNonceStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisNonceStoreWarmUp>());
        services.RemoveAll<IWebhookNonceStore>();
        services.AddSingleton<IWebhookNonceStore>(static sp => sp.GetRequiredService<RedisNonceStore>());
        return services;
    }
}
