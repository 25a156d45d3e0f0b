using Microsoft.Extensions.Diagnostics.HealthChecks;
using WebhookReceiver.Internal;
using WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

namespace WebhookReceiver.StackExchangeRedis.Tests.Internal;

public sealed class RedisNonceStoreHealthCheckTests(RedisServers servers)
{
    public static TheoryData<string> Targets => RedisServers.Names;

    private static HealthCheckContext Context(HealthStatus failureStatus) => new()
    {
        Registration = new HealthCheckRegistration("webhooks-redis", _ => throw new NotSupportedException(), failureStatus, ["ready"]),
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task CheckHealthAsync_RedisAnswers_Healthy(string target)
    {
        var redis = await servers.GetAsync(target);
        await using var store = RedisNonceStoreTests.CreateStore(redis.Configuration, "p:");

        var result = await new RedisNonceStoreHealthCheck(store).CheckHealthAsync(Context(HealthStatus.Unhealthy), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.True(result.Data.ContainsKey("latency_ms"));
    }

    [Fact]
    public async Task CheckHealthAsync_NothingListening_ReportsTheRegisteredFailureStatus()
    {
        await using var store = RedisNonceStoreTests.CreateStore(Loopback.ClosedConfiguration(), "p:", TimeSpan.FromMilliseconds(300));

        var result = await new RedisNonceStoreHealthCheck(store).CheckHealthAsync(Context(HealthStatus.Degraded), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("503", result.Description, StringComparison.Ordinal);
    }
}
