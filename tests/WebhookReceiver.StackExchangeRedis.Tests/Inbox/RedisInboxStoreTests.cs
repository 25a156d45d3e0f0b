using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebhookReceiver.Internal;
using WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

namespace WebhookReceiver.StackExchangeRedis.Tests.Inbox;

/// <summary>What only a shared store shows: several instances, a consumer that died, Redis down (see <see cref="InboxRedis"/>).</summary>
public sealed class RedisInboxStoreTests(RedisServers servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    private static int _next;

    private static WebhookInboxEntry NewEntry()
    {
        var now = Now();
        var id = $"{now.UtcTicks:D19}-{Interlocked.Increment(ref _next):D6}";
        return new WebhookInboxEntry
        {
            Id = id,
            Endpoint = "/webhooks/orders",
            Scheme = "orders",
            DeliveryId = WebhookValue.FromSigned("msg_" + id),
            EventType = WebhookValue.FromSigned("order.created"),
            ReplayKey = "msg_" + id,
            Body = "{}"u8.ToArray(),
            Json = "{}"u8.ToArray(),
            Headers = [],
            ReceivedAt = now,
            Status = WebhookInboxStatus.Queued,
            DueAt = now,
        };
    }

    private static async Task CompleteAsync(RedisInboxStore store, WebhookInboxEntry entry)
    {
        entry.Attempts++;
        entry.Status = WebhookInboxStatus.Completed;
        entry.CompletedAt = Now();
        Assert.True(await store.UpdateAsync(entry, Ct));
    }

    [Fact]
    public async Task TakeDue_TwoInstancesTaking1000EntriesWhileTheyArrive_EachTakenExactlyOnceNoneLost()
    {
        var redis = await InboxRedis.GetAsync(servers);
        var options = InboxRedis.Options(redis.Configuration, InboxRedis.NewGroup());
        await using var a = InboxRedis.Create(options);
        await using var b = InboxRedis.Create(options);
        Assert.NotEqual(a.Consumer, b.Consumer);
        var ids = new ConcurrentBag<string>();
        var taken = new ConcurrentBag<(string Id, string Consumer)>();
        var completed = 0;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));

        var adding = Task.Run(async () =>
        {
            for (var batch = 0; batch < 100; batch++)
            {
                var entries = Enumerable.Range(0, 10).Select(_ => NewEntry()).ToArray();
                await (batch % 2 == 0 ? a : b).AddAsync(entries, deadline.Token);
                foreach (var entry in entries)
                    ids.Add(entry.Id);
            }
        }, deadline.Token);
        var takers = new[] { a, b }.SelectMany(store => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (Volatile.Read(ref completed) < 1000)
            {
                var now = Now();
                if (await store.TakeDueAsync(now, now + TimeSpan.FromMinutes(5), deadline.Token) is not { } entry)
                {
                    await store.WaitAsync(TimeSpan.FromMilliseconds(50), deadline.Token);
                    continue;
                }
                taken.Add((entry.Id, store.Consumer));
                await CompleteAsync(store, entry);
                Interlocked.Increment(ref completed);
            }
        }, deadline.Token))).ToArray();
        await adding;
        await Task.WhenAll(takers);

        Assert.Equal(1000, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), taken.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Contains(taken, t => t.Consumer == a.Consumer);
        Assert.Contains(taken, t => t.Consumer == b.Consumer);
        Assert.Equal(new WebhookInboxCounts(0, 0, 0, 1000, 0, null), await a.CountAsync(Ct));
        Assert.Null(await a.TakeDueAsync(Now(), Now() + TimeSpan.FromMinutes(5), Ct));
        Assert.Equal(0, await redis.Database.StreamLengthAsync(a.StreamKey)); // acknowledged and deleted
    }

    [Fact]
    public async Task TakeDue_ConsumerDiedHoldingEntries_AnotherInstanceTakesThemOverAfterTheLease()
    {
        var redis = await InboxRedis.GetAsync(servers);
        var options = InboxRedis.Options(redis.Configuration, InboxRedis.NewGroup());
        var lease = TimeSpan.FromMilliseconds(500);
        var entries = Enumerable.Range(0, 5).Select(_ => NewEntry()).ToArray();
        await using var survivor = InboxRedis.Create(options);
        await survivor.AddAsync(entries, Ct);
        var dead = InboxRedis.Create(options);
        var held = new List<WebhookInboxEntry>();
        for (var i = 0; i < entries.Length; i++)
        {
            var now = Now();
            held.Add((await dead.TakeDueAsync(now, now + lease, Ct))!);
        }
        Assert.Equal(entries.Select(e => e.Id), held.Select(e => e.Id));
        await dead.DisposeAsync(); // it died: never updates

        Assert.Null(await survivor.TakeDueAsync(Now(), Now() + lease, Ct)); // their lease still runs
        var pending = await redis.Database.StreamPendingAsync(survivor.StreamKey, options.ConsumerGroup);
        Assert.Equal(5, pending.PendingMessageCount);
        Assert.Equal(dead.Consumer, Assert.Single(pending.Consumers).Name);

        await Task.Delay(lease * 2, Ct);
        var takenOver = new List<WebhookInboxEntry>();
        while (await survivor.TakeDueAsync(Now(), Now() + lease, Ct) is { } entry)
            takenOver.Add(entry);

        Assert.Equal(entries.Select(e => e.Id).Order(StringComparer.Ordinal), takenOver.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(takenOver, e => Assert.Equal(2, e.Lease));
        pending = await redis.Database.StreamPendingAsync(survivor.StreamKey, options.ConsumerGroup);
        Assert.Equal(survivor.Consumer, Assert.Single(pending.Consumers).Name);
        foreach (var late in held)
        {
            late.Status = WebhookInboxStatus.Completed;
            late.CompletedAt = Now();
            Assert.False(await survivor.UpdateAsync(late, Ct)); // the dead attempt's lease is gone
        }
        foreach (var entry in takenOver)
            await CompleteAsync(survivor, entry);
        Assert.Equal(0, (await redis.Database.StreamPendingAsync(survivor.StreamKey, options.ConsumerGroup)).PendingMessageCount);
        Assert.Equal(0, await redis.Database.StreamLengthAsync(survivor.StreamKey));
        Assert.Equal(5, (await survivor.CountAsync(Ct)).Completed);
    }

    [Fact]
    public async Task TakeDue_NewEntriesInQuickSuccession_LooksForIdleMessagesOnlyOnce()
    {
        // Regression: a scanning take that read a new entry (not a take-over) made the next take scan again, so under
        // load every take ran XAUTOCLAIM.
        var redis = await InboxRedis.GetAsync(servers);
        await using var store = InboxRedis.Create(InboxRedis.Options(redis.Configuration, InboxRedis.NewGroup()));
        var entries = Enumerable.Range(0, 5).Select(_ => NewEntry()).ToArray();
        await store.AddAsync(entries, Ct);
        var before = store.IdleScans;

        var now = Now();
        for (var i = 0; i < entries.Length; i++)
            Assert.NotNull(await store.TakeDueAsync(now, now + TimeSpan.FromMinutes(5), Ct));

        Assert.Equal(1, store.IdleScans - before);
    }

    [Fact]
    public async Task TakeDue_StreamMessageOfACompletedEntry_AcknowledgedAndSkipped()
    {
        var redis = await InboxRedis.GetAsync(servers);
        var options = InboxRedis.Options(redis.Configuration, InboxRedis.NewGroup());
        await using var store = InboxRedis.Create(options);
        var entry = NewEntry();
        await store.AddAsync([entry], Ct);
        var taken = (await store.TakeDueAsync(Now(), Now() + TimeSpan.FromMinutes(5), Ct))!;
        await CompleteAsync(store, taken);
        // A message left behind for the completed entry (as after an acknowledgement lost to a fail-over).
        await redis.Database.StreamAddAsync(store.StreamKey, "id", entry.Id);

        Assert.Null(await store.TakeDueAsync(Now(), Now() + TimeSpan.FromMinutes(5), Ct));

        Assert.Equal(0, await redis.Database.StreamLengthAsync(store.StreamKey));
        Assert.Equal(0, (await redis.Database.StreamPendingAsync(store.StreamKey, options.ConsumerGroup)).PendingMessageCount);
        var stored = await store.GetAsync(entry.Id, Ct);
        Assert.Equal(WebhookInboxStatus.Completed, stored!.Status);
        Assert.Equal(1, stored.Lease);
    }

    [Fact]
    public async Task Wait_EntryAddedAtAnotherInstance_WakesUpThroughPubSub()
    {
        var redis = await InboxRedis.GetAsync(servers);
        var options = InboxRedis.Options(redis.Configuration, InboxRedis.NewGroup());
        await using var idle = InboxRedis.Create(options);
        await using var accepting = InboxRedis.Create(options);
        await idle.WaitAsync(TimeSpan.FromMilliseconds(300), Ct); // subscribes
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var waiting = idle.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        await accepting.AddAsync([NewEntry()], Ct);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Add_200ConcurrentCallers_AllStoredInAFewScriptCalls()
    {
        var redis = await InboxRedis.GetAsync(servers);
        await using var store = InboxRedis.Create(InboxRedis.Options(redis.Configuration, InboxRedis.NewGroup()));
        await store.CountAsync(Ct); // connected
        var before = store.Adds.Calls;
        var entries = Enumerable.Range(0, 200).Select(_ => NewEntry()).ToArray();

        // Started together, while the first call is on its way the others queue behind it and go in the next calls.
        await Task.WhenAll(entries.Select(entry => store.AddAsync([entry], Ct).AsTask()));

        var calls = store.Adds.Calls - before;
        Assert.InRange(calls, 1, 10);
        Assert.Equal(200, (await store.CountAsync(Ct)).Queued);
        foreach (var entry in entries)
            Assert.Equal(entry.DeliveryId, (await store.GetAsync(entry.Id, Ct))!.DeliveryId);
    }

    [Fact]
    public async Task Add_CallFailsForABatch_EveryCallerInItThrows()
    {
        var redis = await InboxRedis.GetAsync(servers);
        await using var proxy = new TcpProxy(redis.Configuration);
        var options = InboxRedis.Options(redis.Configuration, InboxRedis.NewGroup());
        options.ConfigurationOptions = proxy.CreateConfigurationOptions();
        options.Timeout = TimeSpan.FromMilliseconds(300);
        await using var store = InboxRedis.Create(options);
        await store.CountAsync(Ct); // connected
        proxy.ReplyDelay = TimeSpan.FromSeconds(1);

        var adds = Enumerable.Range(0, 20).Select(_ => store.AddAsync([NewEntry()], Ct).AsTask()).ToArray();

        foreach (var add in adds)
            await Assert.ThrowsAsync<TimeoutException>(() => add);
    }

    [Fact]
    public async Task Add_RedisUnreachable_Throws()
    {
        var options = InboxRedis.Options($"127.0.0.1:{Loopback.FreePort()},connectTimeout=300", InboxRedis.NewGroup());
        options.Timeout = TimeSpan.FromSeconds(1);
        await using var store = InboxRedis.Create(options);

        var e = await Assert.ThrowsAnyAsync<Exception>(async () => await store.AddAsync([NewEntry()], Ct));
        Assert.True(e is RedisException or TimeoutException, e.ToString());
        Assert.IsNotAssignableFrom<OperationCanceledException>(e);
        await Assert.ThrowsAnyAsync<Exception>(async () => await store.TakeDueAsync(Now(), Now().AddMinutes(1), Ct));
        // Waiting does not fail without Redis: it only times out.
        await store.WaitAsync(TimeSpan.FromMilliseconds(100), Ct);
    }

    [Fact]
    public async Task EveryMethod_CancelledToken_ThrowsOperationCanceled()
    {
        var redis = await InboxRedis.GetAsync(servers);
        await using var store = InboxRedis.Create(InboxRedis.Options(redis.Configuration, InboxRedis.NewGroup()));
        var cancelled = new CancellationToken(canceled: true);
        var entry = NewEntry();
        entry.Lease = 1;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.AddAsync([NewEntry()], cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.TakeDueAsync(Now(), Now().AddMinutes(1), cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.UpdateAsync(entry, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.GetAsync(entry.Id, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.ListAsync(null, 10, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.CountAsync(cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.RescheduleAsync(entry.Id, false, Now(), cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.DeleteAsync(entry.Id, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.PurgeAsync(WebhookInboxStatus.Dead, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.TrimAsync(Now(), cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WaitAsync(TimeSpan.FromSeconds(10), cancelled));
        Assert.Equal(new WebhookInboxCounts(0, 0, 0, 0, 0, null), await store.CountAsync(Ct)); // nothing was added
    }

    [Fact]
    public async Task Add_CallOutlivesItsTimeout_ThrowsTimeout()
    {
        var redis = await InboxRedis.GetAsync(servers);
        await using var proxy = new TcpProxy(redis.Configuration);
        var options = InboxRedis.Options(redis.Configuration, InboxRedis.NewGroup());
        options.ConfigurationOptions = proxy.CreateConfigurationOptions();
        options.Timeout = TimeSpan.FromMilliseconds(300);
        await using var store = InboxRedis.Create(options);
        await store.CountAsync(Ct); // connected
        proxy.ReplyDelay = TimeSpan.FromSeconds(1);

        await Assert.ThrowsAsync<TimeoutException>(async () => await store.AddAsync([NewEntry()], Ct));
    }

    [Fact]
    public async Task Add_RedisGoesDownAfterConnecting_ThrowsAndWorksAgainOnceBack()
    {
        var redis = await InboxRedis.GetAsync(servers);
        await using var proxy = new TcpProxy(redis.Configuration);
        var options = InboxRedis.Options(redis.Configuration, InboxRedis.NewGroup());
        options.ConfigurationOptions = proxy.CreateConfigurationOptions();
        options.Timeout = TimeSpan.FromSeconds(1);
        await using var store = InboxRedis.Create(options);
        await store.CountAsync(Ct); // connected
        proxy.Stop();

        var e = await Assert.ThrowsAnyAsync<Exception>(async () => await store.AddAsync([NewEntry()], Ct));
        Assert.True(e is RedisException or TimeoutException, e.ToString());

        proxy.Start();
        var entry = NewEntry();
        for (var i = 0; ; i++)
        {
            try
            {
                await store.AddAsync([entry], Ct);
                break;
            }
            catch (Exception) when (i < 100)
            {
                await Task.Delay(100, Ct);
            }
        }
        Assert.Equal(entry.Id, (await store.TakeDueAsync(Now(), Now().AddMinutes(1), Ct))!.Id);
    }

    [Fact]
    public async Task AddRedisInboxStore_NoConnectionSettingsWithTheNonceStore_SharesItsMultiplexerAndPrefix()
    {
        var redis = await InboxRedis.GetAsync(servers);
        var prefix = RedisTarget.UniquePrefix();
        var services = new ServiceCollection();
        services.AddWebhooks()
            .AddRedisNonceStore(o =>
            {
                o.Configuration = redis.Configuration;
                o.InstanceName = prefix;
            })
            .AddRedisInboxStore(o => o.ConsumerGroup = "shared");
        await using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<RedisInboxStore>(provider.GetRequiredService<IWebhookInboxStore>());
        var options = provider.GetRequiredService<IOptions<RedisInboxStoreOptions>>().Value;
        var entry = NewEntry();
        await store.AddAsync([entry], Ct);

        Assert.Equal(prefix, options.InstanceName);
        Assert.NotNull(options.ConnectionMultiplexerFactory);
        var nonceConnection = await provider.GetRequiredService<RedisNonceStore>().GetConnectionAsync();
        Assert.Same(nonceConnection, await options.ConnectionMultiplexerFactory!());
        Assert.True(await redis.Database.KeyExistsAsync($"{prefix}inbox:{{shared}}:e:{entry.Id}"));
    }

    [Fact]
    public void AddRedisInboxStore_NoConnectionAnywhere_FailsValidationNamingTheFix()
    {
        var services = new ServiceCollection();
        services.AddWebhooks().AddRedisInboxStore();
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisInboxStoreOptions>>().Value);

        Assert.Contains("AddRedisNonceStore", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRedisInboxStore_NoConsumerGroup_TheApplicationName()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ApplicationName = "Orders.Api" });
        services.AddWebhooks().AddRedisInboxStore(o => o.Configuration = "localhost:6379");
        using var provider = services.BuildServiceProvider();

        Assert.Equal("Orders.Api", provider.GetRequiredService<IOptions<RedisInboxStoreOptions>>().Value.ConsumerGroup);
    }
}
