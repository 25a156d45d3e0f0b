using Microsoft.Extensions.Diagnostics.HealthChecks;
using WebhookReceiver.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the health check of the Redis nonce store.</summary>
public static class RedisNonceStoreHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check: <c>webhooks-redis</c>.</summary>
    public const string DefaultName = "webhooks-redis";

    /// <summary>
    /// Adds a check that sends <c>PING</c> through the nonce store's own connection, bounded by
    /// <c>RedisNonceStoreOptions.Timeout</c>. Tagged <c>ready</c> unless other tags are given, so
    /// <c>app.MapHealthChecks("/health/ready", new() { Predicate = c =&gt; c.Tags.Contains("ready") })</c> includes it:
    /// an instance whose Redis is down answers every delivery 503, so it should not take traffic.
    /// Requires <c>AddRedisNonceStore</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. The default is <see cref="DefaultName"/>.</param>
    /// <param name="failureStatus">The status reported when Redis does not answer; <see langword="null"/> (the default) means <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">The check's tags; <see langword="null"/> (the default) means <c>["ready"]</c>.</param>
    public static IHealthChecksBuilder AddRedisNonceStoreCheck(this IHealthChecksBuilder builder, string name = DefaultName,
        HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(name,
            static sp => new RedisNonceStoreHealthCheck(sp.GetService<RedisNonceStore>()),
            failureStatus, tags ?? ["ready"]));
    }
}
