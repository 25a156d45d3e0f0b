using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebhookReceiver.Internal;
using WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

namespace WebhookReceiver.StackExchangeRedis.Tests.Inbox;

/// <summary>
/// The server the Redis inbox tests run against. Garnet 2.2.8, the embedded server of the other Redis tests, has no
/// streams (no XADD, XREADGROUP, XAUTOCLAIM or XACK: its command table lists none), so these tests need a real Redis
/// (6.2+) or Valkey named by <c>WEBHOOKS_TEST_REDIS</c>, e.g. <c>redis-server --port 6392 --save '' --daemonize yes</c>
/// and <c>WEBHOOKS_TEST_REDIS=127.0.0.1:6392</c>. Without it they are skipped locally and FAIL under <c>CI=true</c>, so CI
/// cannot pass without running them.
/// </summary>
internal static class InboxRedis
{
    private static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the external server, skipping (locally) or failing (CI) when none is set.</summary>
    public static async Task<RedisTarget> GetAsync(RedisServers servers)
    {
        if (Environment.GetEnvironmentVariable(RedisServers.Variable) is not { Length: > 0 })
        {
            if (UnderCi)
                Assert.Fail($"The Redis inbox tests need a Redis with streams: set {RedisServers.Variable} (Garnet 2.2.8 has no streams).");
            Assert.Skip($"Set {RedisServers.Variable} to a Redis 6.2+ server to run the Redis inbox tests (Garnet 2.2.8 has no streams).");
        }
        return await servers.GetAsync(RedisServers.External);
    }

    public static RedisInboxStoreOptions Options(string configuration, string group, string? prefix = null) => new()
    {
        Configuration = configuration,
        ConsumerGroup = group,
        InstanceName = prefix ?? RedisTarget.UniquePrefix(),
    };

    public static RedisInboxStore Create(RedisInboxStoreOptions options)
        => new(Microsoft.Extensions.Options.Options.Create(options), NullLogger<RedisInboxStore>.Instance, TimeProvider.System);

    public static string NewGroup() => "test-" + Guid.NewGuid().ToString("N");
}
