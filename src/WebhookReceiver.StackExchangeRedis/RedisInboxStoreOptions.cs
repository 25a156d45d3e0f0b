using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace WebhookReceiver;

/// <summary>
/// Options of the Redis Streams inbox store: the <see cref="RedisCacheOptions"/> shape of the nonce store
/// (<see cref="RedisCacheOptions.Configuration"/>, <see cref="RedisCacheOptions.ConfigurationOptions"/>,
/// <see cref="RedisCacheOptions.ConnectionMultiplexerFactory"/>, <see cref="RedisCacheOptions.InstanceName"/> as the key
/// prefix), the consumer group and a bound on every call. When none of the connection settings is set and the Redis
/// nonce store is registered, the inbox shares the nonce store's multiplexer and key prefix. Needs Redis 6.2 or later
/// (or Valkey): streams with consumer groups, <c>XAUTOCLAIM</c> and scripts; Garnet 2.2 has no streams.
/// </summary>
public sealed class RedisInboxStoreOptions : RedisCacheOptions
{
    /// <summary>
    /// Gets or sets the application's consumer group, also the namespace of the inbox's keys
    /// (<c>{InstanceName}inbox:{ConsumerGroup}:…</c>, the group in a hash tag so every key of one inbox is in one Cluster slot).
    /// Every instance of the application uses the same name and shares the work; another application sharing the Redis
    /// uses another. The default is the host's application name.
    /// </summary>
    public string? ConsumerGroup { get; set; }

    /// <summary>
    /// Gets or sets how long one store call (connect included) may take before it fails with a <see cref="TimeoutException"/>,
    /// so a delivery is answered 503 instead of hanging. The default is 2 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);
}
