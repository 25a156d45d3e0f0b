using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WebhookReceiver.Internal;

/// <summary>
/// Derived defaults of the Redis inbox store: the consumer group from the application name, and, when no connection is
/// configured, the Redis nonce store's multiplexer and key prefix (when that store is registered).
/// </summary>
internal sealed class RedisInboxStoreOptionsSetup(IServiceProvider services) : IPostConfigureOptions<RedisInboxStoreOptions>
{
    /// <summary>The consumer group when the host names no application.</summary>
    internal const string DefaultConsumerGroup = "webhooks";

    public void PostConfigure(string? name, RedisInboxStoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConsumerGroup))
        {
            var application = services.GetService<IHostEnvironment>()?.ApplicationName;
            options.ConsumerGroup = string.IsNullOrWhiteSpace(application) ? DefaultConsumerGroup : application;
        }
        if (string.IsNullOrWhiteSpace(options.Configuration) && options.ConfigurationOptions is null && options.ConnectionMultiplexerFactory is null
            && services.GetService<RedisNonceStore>() is { } nonceStore)
        {
            options.ConnectionMultiplexerFactory = nonceStore.GetConnectionAsync;
            options.InstanceName ??= services.GetRequiredService<IOptions<RedisNonceStoreOptions>>().Value.InstanceName;
        }
    }
}
