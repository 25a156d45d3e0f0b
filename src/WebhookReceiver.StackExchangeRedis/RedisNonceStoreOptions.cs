using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace WebhookReceiver;

/// <summary>
/// Options of the Redis nonce store: the familiar <see cref="RedisCacheOptions"/> shape of
/// <c>AddStackExchangeRedisCache</c> (<see cref="RedisCacheOptions.Configuration"/>,
/// <see cref="RedisCacheOptions.ConfigurationOptions"/>, <see cref="RedisCacheOptions.ConnectionMultiplexerFactory"/>,
/// <see cref="RedisCacheOptions.InstanceName"/> as the key prefix) plus a bound on every call.
/// Sentinel, TLS and Cluster are configured through the usual StackExchange.Redis configuration string or options.
/// The store connects and loads its scripts while the host starts, before requests are taken, waiting at most the
/// connect timeout (<c>connectTimeout</c>, 5 s by default); a Redis that is down then is logged as a warning and does not
/// stop the app. A multiplexer the store creates itself is shared by all its calls, keeps reconnecting when the first
/// connect fails (<c>AbortOnConnectFail</c> off) and fails commands at once while disconnected (no backlog), so a delivery
/// is answered 503 immediately; one handed over through <see cref="RedisCacheOptions.ConnectionMultiplexerFactory"/> is
/// used as configured and never disposed by the store. Scripts must be allowed (Garnet: <c>--lua true</c>).
/// </summary>
public sealed class RedisNonceStoreOptions : RedisCacheOptions
{
    /// <summary>
    /// Gets or sets how long one store call (connect included) may take before it fails with a
    /// <see cref="TimeoutException"/>, so the delivery is answered 503 with <c>Retry-After</c> instead of hanging.
    /// The default is 500 milliseconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(500);
}
