using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;
using WebhookReceiver.StackExchangeRedis.Tests.Internal;

namespace WebhookReceiver.StackExchangeRedis.Tests.Integration;

/// <summary>Two receiver instances behind an imaginary load balancer, sharing one Redis.</summary>
public sealed class SharedRedisReceiverTests(RedisServers servers)
{
    public static TheoryData<string> Targets => RedisServers.Names;

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Deliver_SameDelivery200TimesConcurrentlyAtTwoInstances_HandlerRunsOnce(string target)
    {
        var redis = await servers.GetAsync(target);
        var probe = new HandlerProbe();
        var prefix = RedisTarget.UniquePrefix();
        await using var a = await StartAsync(redis, probe, prefix);
        await using var b = await StartAsync(redis, probe, prefix);
        var delivery = Deliveries.Sign(Deliveries.NewId());

        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => (i % 2 == 0 ? a : b).Client.PostAsync(delivery)));

        Assert.Equal(1, probe.TotalRuns);
        Assert.Single(replies, r => r is { Code: HttpStatusCode.OK, Status: "processed" });
        Assert.All(replies, r => Assert.True(
            r is { Code: HttpStatusCode.OK, Status: "processed" or "duplicate" } or { Code: HttpStatusCode.Conflict, HasRetryAfter: true },
            $"unexpected answer {r}"));
        Assert.Equal(new Reply(HttpStatusCode.OK, "duplicate", false), await b.Client.PostAsync(delivery));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Deliver_FirstBurstRightAfterStartWhileRedisIsSlowToConnect_ProcessesOnceWithout503(string target)
    {
        var redis = await servers.GetAsync(target);
        var probe = new HandlerProbe();
        var prefix = RedisTarget.UniquePrefix();
        // Opening a connection takes longer than a store call may (a distant or TLS-fronted Redis): only a receiver that
        // connected while starting answers its first burst in time.
        await using var proxy = new TcpProxy(redis.Configuration) { ConnectDelay = TimeSpan.FromMilliseconds(700) };
        await using var a = await StartBehindAsync(proxy, probe, prefix);
        await using var b = await StartBehindAsync(proxy, probe, prefix);
        var delivery = Deliveries.Sign(Deliveries.NewId());

        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => (i % 2 == 0 ? a : b).Client.PostAsync(delivery)));

        Assert.DoesNotContain(replies, r => (int)r.Code >= 500);
        Assert.Single(replies, r => r is { Code: HttpStatusCode.OK, Status: "processed" });
        Assert.All(replies, r => Assert.True(
            r is { Code: HttpStatusCode.OK, Status: "processed" or "duplicate" } or { Code: HttpStatusCode.Conflict, HasRetryAfter: true },
            $"unexpected answer {r}"));
        Assert.Equal(1, probe.TotalRuns);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Start_RedisUnreachable_StartsUnhealthyWithAWarningThenProcessesOnceRedisIsReachable(string target)
    {
        var redis = await servers.GetAsync(target);
        var probe = new HandlerProbe();
        var logs = new TestLogSink();
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = new TcpProxy(redis.Configuration, listening: false);
        await using var receiver = await Receiver.StartAsync(probe, o =>
        {
            o.ConfigurationOptions = proxy.CreateConfigurationOptions();
            o.InstanceName = RedisTarget.UniquePrefix();
        }, logs: logs);
        var health = receiver.Services.GetRequiredService<HealthCheckService>();
        var id = Deliveries.NewId();

        var whileDown = await receiver.Client.PostAsync(Deliveries.Sign(id));
        var healthWhileDown = (await health.CheckHealthAsync(ct)).Status;
        proxy.Start();
        var afterwards = await PostUntilAnsweredAsync(receiver, id);
        var healthAfterwards = (await health.CheckHealthAsync(ct)).Status;

        Assert.Contains(logs.Entries, e => e is { Level: LogLevel.Warning, Id.Id: 105 });
        Assert.Equal(new Reply(HttpStatusCode.ServiceUnavailable, null, true), whileDown);
        Assert.Equal(HealthStatus.Unhealthy, healthWhileDown);
        Assert.Equal(new Reply(HttpStatusCode.OK, "processed", false), afterwards);
        Assert.Equal(HealthStatus.Healthy, healthAfterwards);
        Assert.Equal(1, probe.Runs(id));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Deliver_HandlerThrows_Answers500AndTheRetryAtTheOtherInstanceIsProcessedOnce(string target)
    {
        var redis = await servers.GetAsync(target);
        var probe = new HandlerProbe();
        var prefix = RedisTarget.UniquePrefix();
        await using var a = await StartAsync(redis, probe, prefix);
        await using var b = await StartAsync(redis, probe, prefix);
        var id = Deliveries.NewId();
        var delivery = Deliveries.Sign(id);
        probe.FailNext();

        var failed = await a.Client.PostAsync(delivery);
        var retried = await b.Client.PostAsync(delivery);
        var again = await a.Client.PostAsync(delivery);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Code);
        Assert.Equal(new Reply(HttpStatusCode.OK, "processed", false), retried);
        Assert.Equal(new Reply(HttpStatusCode.OK, "duplicate", false), again);
        Assert.Equal(2, probe.Runs(id));
        Assert.Equal(1, probe.Completed(id));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Deliver_ClaimLeftByACrashedInstance_Answers409UntilTheLeaseExpiresThenProcesses(string target)
    {
        var redis = await servers.GetAsync(target);
        var probe = new HandlerProbe();
        var prefix = RedisTarget.UniquePrefix();
        await using var receiver = await StartAsync(redis, probe, prefix);
        await using var crashed = RedisNonceStoreTests.CreateStore(redis.Configuration, prefix);
        var ct = TestContext.Current.CancellationToken;
        var heldId = Deliveries.NewId();
        var expiringId = Deliveries.NewId();
        await crashed.TryClaimAsync($"{Receiver.Scheme}:{heldId}", TimeSpan.FromMinutes(1), ct);
        await crashed.TryClaimAsync($"{Receiver.Scheme}:{expiringId}", TimeSpan.FromMilliseconds(100), ct);

        var whileHeld = await receiver.Client.PostAsync(Deliveries.Sign(heldId));
        await redis.WaitUntilGoneAsync($"{prefix}{Receiver.Scheme}:{expiringId}");
        var afterExpiry = await receiver.Client.PostAsync(Deliveries.Sign(expiringId));

        Assert.Equal(HttpStatusCode.Conflict, whileHeld.Code);
        Assert.True(whileHeld.HasRetryAfter);
        Assert.Equal(0, probe.Runs(heldId));
        Assert.Equal(new Reply(HttpStatusCode.OK, "processed", false), afterExpiry);
        Assert.Equal(1, probe.Completed(expiringId));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Deliver_RedisDownThenBack_Answers503WithoutRunningTheHandlerThenRecovers(string target)
    {
        var redis = await servers.GetAsync(target);
        var probe = new HandlerProbe();
        var prefix = RedisTarget.UniquePrefix();
        await using var proxy = new TcpProxy(redis.Configuration);
        await using var a = await Receiver.StartAsync(probe, o => { o.ConfigurationOptions = proxy.CreateConfigurationOptions(); o.InstanceName = prefix; });
        await using var b = await Receiver.StartAsync(probe, o => { o.ConfigurationOptions = proxy.CreateConfigurationOptions(); o.InstanceName = prefix; });
        Assert.Equal("processed", (await a.Client.PostAsync(Deliveries.Sign(Deliveries.NewId()))).Status);
        Assert.Equal("processed", (await b.Client.PostAsync(Deliveries.Sign(Deliveries.NewId()))).Status);
        var id = Deliveries.NewId();

        proxy.Stop();
        var whileDown = new[] { await a.Client.PostAsync(Deliveries.Sign(id)), await b.Client.PostAsync(Deliveries.Sign(id)) };
        proxy.Start();
        var afterA = await PostUntilAnsweredAsync(a, id);
        var afterB = await PostUntilAnsweredAsync(b, id);

        Assert.All(whileDown, r => Assert.Equal(new Reply(HttpStatusCode.ServiceUnavailable, null, true), r));
        Assert.Equal(new Reply(HttpStatusCode.OK, "processed", false), afterA);
        Assert.Equal(new Reply(HttpStatusCode.OK, "duplicate", false), afterB);
        Assert.Equal(1, probe.Runs(id));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Deliver_AnyOutcome_EveryKeyCarriesThePrefixAndAnExpiry(string target)
    {
        var redis = await servers.GetAsync(target);
        var probe = new HandlerProbe();
        var prefix = RedisTarget.UniquePrefix();
        await using var receiver = await StartAsync(redis, probe, prefix);
        var processed = Deliveries.NewId();
        var failed = Deliveries.NewId();
        await receiver.Client.PostAsync(Deliveries.Sign(processed));
        probe.FailNext();
        await receiver.Client.PostAsync(Deliveries.Sign(failed));
        await using var crashed = RedisNonceStoreTests.CreateStore(redis.Configuration, prefix);
        await crashed.TryClaimAsync($"{Receiver.Scheme}:in-flight", TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        var keys = await redis.KeysAsync(prefix);

        Assert.Equal(
            new[] { $"{prefix}{Receiver.Scheme}:in-flight", $"{prefix}{Receiver.Scheme}:{processed}" }.Order(StringComparer.Ordinal),
            keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.False(await redis.Database.KeyExistsAsync($"{Receiver.Scheme}:{processed}"));
        foreach (var key in keys)
        {
            var ttl = await redis.Database.KeyTimeToLiveAsync(key);
            Assert.True(ttl > TimeSpan.Zero, $"{key} has no expiry");
        }
    }

    [Fact]
    public async Task Deliver_RedisUnreachableWithFailOpen_ProcessesWithoutProtection()
    {
        var probe = new HandlerProbe();
        await using var receiver = await Receiver.StartAsync(probe, o => o.Configuration = Loopback.ClosedConfiguration(), failOpen: true);
        var id = Deliveries.NewId();

        var reply = await receiver.Client.PostAsync(Deliveries.Sign(id));

        Assert.Equal(new Reply(HttpStatusCode.OK, "processed", false), reply);
        Assert.Equal(1, probe.Completed(id));
    }

    private static Task<Receiver> StartAsync(RedisTarget redis, HandlerProbe probe, string prefix)
        => Receiver.StartAsync(probe, o =>
        {
            o.Configuration = redis.Configuration;
            o.InstanceName = prefix;
        });

    /// <summary>A receiver whose Redis connection goes through <paramref name="proxy"/>, with time to connect through it.</summary>
    private static Task<Receiver> StartBehindAsync(TcpProxy proxy, HandlerProbe probe, string prefix)
        => Receiver.StartAsync(probe, o =>
        {
            o.ConfigurationOptions = proxy.CreateConfigurationOptions();
            o.ConfigurationOptions.ConnectTimeout = 5000;
            o.InstanceName = prefix;
        });

    /// <summary>Posts until the receiver stops answering 503 (it reconnects by itself), bounded.</summary>
    private static async Task<Reply> PostUntilAnsweredAsync(Receiver receiver, string id)
    {
        var reply = await receiver.Client.PostAsync(Deliveries.Sign(id));
        for (var attempt = 0; attempt < 150 && reply.Code == HttpStatusCode.ServiceUnavailable; attempt++)
        {
            await Task.Delay(200);
            reply = await receiver.Client.PostAsync(Deliveries.Sign(id));
        }
        return reply;
    }
}
