using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace WebhookReceiver.StackExchangeRedis.Tests;

public sealed class RedisNonceStoreHealthChecksBuilderExtensionsTests
{
    [Fact]
    public void AddRedisNonceStoreCheck_Defaults_RegistersACheckTaggedReady()
    {
        var services = new ServiceCollection();
        services.AddHealthChecks().AddRedisNonceStoreCheck();
        using var provider = services.BuildServiceProvider();

        var registration = Assert.Single(provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations);

        Assert.Equal("webhooks-redis", registration.Name);
        Assert.Equal(["ready"], registration.Tags);
        Assert.Equal(HealthStatus.Unhealthy, registration.FailureStatus);
    }

    [Fact]
    public async Task AddRedisNonceStoreCheck_WithoutTheStore_ReportsUnhealthyNamingTheMissingCall()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHealthChecks().AddRedisNonceStoreCheck();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("AddRedisNonceStore", report.Entries["webhooks-redis"].Description, StringComparison.Ordinal);
    }
}
