using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebhookReceiver.Internal;

namespace WebhookReceiver.StackExchangeRedis.Tests;

public sealed class RedisNonceStoreServiceCollectionExtensionsTests
{
    [Fact]
    public void AddRedisNonceStore_AfterAddWebhooks_ReplacesTheInMemoryStore()
    {
        var services = new ServiceCollection();
        services.AddWebhooks().AddRedisNonceStore(o => o.Configuration = "127.0.0.1:6379");
        using var provider = services.BuildServiceProvider();

        Assert.IsType<RedisNonceStore>(provider.GetRequiredService<IWebhookNonceStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IWebhookNonceStore));
    }

    [Fact]
    public void AddRedisNonceStore_BeforeAddWebhooks_IsKept()
    {
        var services = new ServiceCollection();
        services.AddRedisNonceStore(o => o.Configuration = "127.0.0.1:6379");
        services.AddWebhooks();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<RedisNonceStore>(provider.GetRequiredService<IWebhookNonceStore>());
    }

    [Fact]
    public void AddRedisNonceStore_StoreAndInterface_AreOneInstance()
    {
        var services = new ServiceCollection();
        services.AddWebhooks().AddRedisNonceStore(o => o.Configuration = "127.0.0.1:6379");
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<RedisNonceStore>(), provider.GetRequiredService<IWebhookNonceStore>());
    }

    [Fact]
    public void AddRedisNonceStore_CalledTwice_RegistersOneStartUpWarmUp()
    {
        var services = new ServiceCollection();
        services.AddWebhooks().AddRedisNonceStore(o => o.Configuration = "127.0.0.1:6379").AddRedisNonceStore(o => o.InstanceName = "w:");
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IHostedService>().OfType<RedisNonceStoreWarmUp>());
    }

    [Theory]
    [InlineData(null, 500, "needs Configuration, ConfigurationOptions or ConnectionMultiplexerFactory")]
    [InlineData("127.0.0.1:6379", 0, "Timeout must be positive")]
    [InlineData("127.0.0.1:6379,nosuchoption=1", 500, "not a StackExchange.Redis configuration string")]
    public void AddRedisNonceStore_InvalidOptions_FailsValidationWithTheReason(string? configuration, int timeoutMs, string reason)
    {
        var services = new ServiceCollection();
        services.AddWebhooks().AddRedisNonceStore(o =>
        {
            o.Configuration = configuration;
            o.Timeout = TimeSpan.FromMilliseconds(timeoutMs);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisNonceStoreOptions>>().Value);

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRedisNonceStore_MultiplexerFactoryOnly_PassesValidation()
    {
        var services = new ServiceCollection();
        services.AddWebhooks().AddRedisNonceStore(o => o.ConnectionMultiplexerFactory = () => throw new InvalidOperationException("not called"));
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IOptions<RedisNonceStoreOptions>>().Value.ConnectionMultiplexerFactory);
    }
}
