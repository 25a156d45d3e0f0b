using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebhookReceiver.Internal;

/// <summary>
/// Healthy while Redis answers <c>PING</c> through the nonce store's connection within its timeout; reports the
/// registration's failure status otherwise, and when <c>AddRedisNonceStore</c> was never called.
/// </summary>
internal sealed class RedisNonceStoreHealthCheck(RedisNonceStore? store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store is null)
            return new HealthCheckResult(context.Registration.FailureStatus, "AddRedisNonceStore(...) was not called: there is no Redis nonce store to check");
        try
        {
            var latency = await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"Redis answered PING in {latency.TotalMilliseconds:0.###} ms"),
                new Dictionary<string, object> { ["latency_ms"] = latency.TotalMilliseconds });
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, string.Create(CultureInfo.InvariantCulture,
                $"Redis did not answer PING within {store.Timeout.TotalMilliseconds} ms; deliveries are answered 503"), e);
        }
    }
}
