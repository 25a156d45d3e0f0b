using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;
using WebhookReceiver.Internal;
using WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

namespace WebhookReceiver.StackExchangeRedis.Tests.Internal;

/// <summary>Start-up of a host with the Redis nonce store: connected and prepared before the first claim, never blocking.</summary>
public sealed class RedisNonceStoreWarmUpTests(RedisServers servers)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public static TheoryData<string> Targets => RedisServers.Names;

    private static async Task<IHost> StartHostAsync(Action<RedisNonceStoreOptions> configure, TestLogSink? logs = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (logs is not null)
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddWebhooks().AddRedisNonceStore(configure);
        builder.Services.AddHealthChecks().AddRedisNonceStoreCheck();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task StartAsync_RedisReachable_ConnectsBeforeAnyClaim(string target)
    {
        var redis = await servers.GetAsync(target);
        var name = "wr-warm-up-" + Guid.NewGuid().ToString("N");

        using var host = await StartHostAsync(o =>
        {
            o.Configuration = $"{redis.Configuration},name={name}";
            o.InstanceName = RedisTarget.UniquePrefix();
        });

        Assert.Contains(name, await redis.ClientNamesAsync());
    }

    [Fact]
    public async Task StartAsync_FreshServer_LoadsTheScriptsBeforeAnyClaim()
    {
        using var fresh = new EmbeddedGarnet();
#pragma warning disable CA5350 // Redis names a script by its SHA-1
        var releaseSha = SHA1.HashData(Encoding.UTF8.GetBytes(RedisNonceStore.ReleaseScript));
#pragma warning restore CA5350
        await using var admin = await ConnectionMultiplexer.ConnectAsync(fresh.Configuration);
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        var before = await server.ScriptExistsAsync(releaseSha);

        using var host = await StartHostAsync(o => o.Configuration = fresh.Configuration);

        Assert.False(before);
        Assert.True(await server.ScriptExistsAsync(releaseSha));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task StartAsync_RedisReachable_FirstClaimIsOneSetCommand(string target)
    {
        var redis = await servers.GetAsync(target);
        var profiler = new ProfilingSession();
        using var host = await StartHostAsync(o =>
        {
            o.Configuration = redis.Configuration;
            o.InstanceName = RedisTarget.UniquePrefix();
            o.ProfilingSession = () => profiler;
        });
        profiler.FinishProfiling();
        var store = host.Services.GetRequiredService<IWebhookNonceStore>();

        var claim = await store.TryClaimAsync("orders:1", Lease, TestContext.Current.CancellationToken);

        Assert.Equal(NonceClaimStatus.Claimed, claim.Status);
        Assert.Equal(["SET"], profiler.FinishProfiling().Select(c => c.Command).Where(c => c is not ("PING" or "ECHO")));
    }

    [Fact]
    public async Task StartAsync_NothingListening_StartsAtOnceWithAWarningThatNamesNoSecret()
    {
        var logs = new TestLogSink();
        var started = Stopwatch.StartNew();

        using var host = await StartHostAsync(o => o.Configuration = Loopback.ClosedConfiguration() + ",password=hunter2-not-logged", logs);

        Assert.InRange(started.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Contains(logs.Entries, e => e is { Level: LogLevel.Warning, Id.Id: 105 });
        Assert.DoesNotContain(logs.Entries, e => $"{e.Message} {e.Exception}".Contains("hunter2", StringComparison.Ordinal));
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
    }

    [Fact]
    public async Task StartAsync_ServerNeverAnswers_GivesUpAfterTheConnectTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var logs = new TestLogSink();
        var started = Stopwatch.StartNew();

        using var host = await StartHostAsync(o => o.Configuration = $"127.0.0.1:{port},connectTimeout=300", logs);

        Assert.InRange(started.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.Contains(logs.Entries, e => e is { Level: LogLevel.Warning, Id.Id: 105 });
    }
}
