using StackExchange.Redis;

namespace WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

/// <summary>A Redis-compatible server the tests run against, with a connection of its own for assertions.</summary>
internal sealed class RedisTarget(string name, string configuration, IConnectionMultiplexer admin)
{
    public string Name { get; } = name;

    /// <summary>The StackExchange.Redis configuration string.</summary>
    public string Configuration { get; } = configuration;

    /// <summary>A database for looking at keys directly (no prefix).</summary>
    public IDatabase Database => admin.GetDatabase();

    /// <summary>A key prefix no other test uses, so tests can share one server.</summary>
    public static string UniquePrefix() => $"wr-test:{Guid.NewGuid():N}:";

    /// <summary>The keys under <paramref name="prefix"/>.</summary>
    public async Task<List<RedisKey>> KeysAsync(string prefix)
    {
        var keys = new List<RedisKey>();
        foreach (var endPoint in admin.GetEndPoints())
        {
            await foreach (var key in admin.GetServer(endPoint).KeysAsync(pattern: prefix + "*"))
                keys.Add(key);
        }
        return keys;
    }

    /// <summary>The names of the clients connected to the server (<c>CLIENT LIST</c>).</summary>
    public async Task<List<string>> ClientNamesAsync()
    {
        var names = new List<string>();
        foreach (var endPoint in admin.GetEndPoints())
        {
            foreach (var client in await admin.GetServer(endPoint).ClientListAsync())
                names.Add(client.Name ?? "");
        }
        return names;
    }

    /// <summary>Waits (bounded) until <paramref name="key"/> has expired.</summary>
    public async Task WaitUntilGoneAsync(string key)
    {
        for (var i = 0; i < 200 && await Database.KeyExistsAsync(key); i++)
            await Task.Delay(25);
        Assert.False(await Database.KeyExistsAsync(key), $"{key} did not expire");
    }

    public override string ToString() => Name;
}
