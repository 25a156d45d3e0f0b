using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebhookReceiver.Internal;
using WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

namespace WebhookReceiver.StackExchangeRedis.Tests.Internal;

public sealed class RedisNonceStoreTests(RedisServers servers)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public static TheoryData<string> Targets => RedisServers.Names;

    internal static RedisNonceStore CreateStore(string configuration, string prefix, TimeSpan? timeout = null)
        => new(Options.Create(new RedisNonceStoreOptions
        {
            Configuration = configuration,
            InstanceName = prefix,
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
        }), NullLogger<RedisNonceStore>.Instance);

    private async Task<RedisNonceStore> CreateStoreAsync(string target)
        => CreateStore((await servers.GetAsync(target)).Configuration, RedisTarget.UniquePrefix());

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task TryClaimAsync_NewKey_ClaimsUnderPrefixWithLeaseTtl(string target)
    {
        var redis = await servers.GetAsync(target);
        var prefix = RedisTarget.UniquePrefix();
        await using var store = CreateStore(redis.Configuration, prefix);

        var claim = await store.TryClaimAsync("orders:1", Lease, TestContext.Current.CancellationToken);

        Assert.Equal(NonceClaimStatus.Claimed, claim.Status);
        Assert.Equal(claim.Token.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)await redis.Database.StringGetAsync(prefix + "orders:1"));
        Assert.False(await redis.Database.KeyExistsAsync("orders:1"));
        var ttl = await redis.Database.KeyTimeToLiveAsync(prefix + "orders:1");
        Assert.InRange(ttl!.Value, TimeSpan.FromMilliseconds(1), Lease);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task TryClaimAsync_KeyInFlight_AnswersInFlight(string target)
    {
        await using var store = await CreateStoreAsync(target);
        var ct = TestContext.Current.CancellationToken;
        await store.TryClaimAsync("orders:1", Lease, ct);

        var second = await store.TryClaimAsync("orders:1", Lease, ct);

        Assert.Equal(NonceClaimStatus.InFlight, second.Status);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task CompleteAsync_ClaimedKey_LaterClaimsAnswerCompletedAndKeyLivesForRetention(string target)
    {
        var redis = await servers.GetAsync(target);
        var prefix = RedisTarget.UniquePrefix();
        await using var store = CreateStore(redis.Configuration, prefix);
        var ct = TestContext.Current.CancellationToken;
        var claim = await store.TryClaimAsync("orders:1", Lease, ct);

        await store.CompleteAsync("orders:1", claim.Token, Retention, ct);

        Assert.Equal(NonceClaimStatus.Completed, (await store.TryClaimAsync("orders:1", Lease, ct)).Status);
        Assert.Equal(RedisNonceStore.CompletedMarker, (string?)await redis.Database.StringGetAsync(prefix + "orders:1"));
        var ttl = await redis.Database.KeyTimeToLiveAsync(prefix + "orders:1");
        Assert.InRange(ttl!.Value, Lease, Retention);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task ReleaseAsync_OwnToken_KeyCanBeClaimedAgain(string target)
    {
        await using var store = await CreateStoreAsync(target);
        var ct = TestContext.Current.CancellationToken;
        var claim = await store.TryClaimAsync("orders:1", Lease, ct);

        await store.ReleaseAsync("orders:1", claim.Token, ct);

        Assert.Equal(NonceClaimStatus.Claimed, (await store.TryClaimAsync("orders:1", Lease, ct)).Status);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task ReleaseAsync_AnotherToken_KeepsTheClaim(string target)
    {
        await using var store = await CreateStoreAsync(target);
        var ct = TestContext.Current.CancellationToken;
        var claim = await store.TryClaimAsync("orders:1", Lease, ct);

        await store.ReleaseAsync("orders:1", claim.Token + 1, ct);

        Assert.Equal(NonceClaimStatus.InFlight, (await store.TryClaimAsync("orders:1", Lease, ct)).Status);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task ReleaseAsync_AfterComplete_KeepsTheCompletedMarker(string target)
    {
        await using var store = await CreateStoreAsync(target);
        var ct = TestContext.Current.CancellationToken;
        var claim = await store.TryClaimAsync("orders:1", Lease, ct);
        await store.CompleteAsync("orders:1", claim.Token, Retention, ct);

        await store.ReleaseAsync("orders:1", claim.Token, ct);

        Assert.Equal(NonceClaimStatus.Completed, (await store.TryClaimAsync("orders:1", Lease, ct)).Status);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task TryClaimAsync_LeaseExpired_ClaimsAgain(string target)
    {
        var redis = await servers.GetAsync(target);
        var prefix = RedisTarget.UniquePrefix();
        await using var store = CreateStore(redis.Configuration, prefix);
        var ct = TestContext.Current.CancellationToken;
        await store.TryClaimAsync("orders:1", TimeSpan.FromMilliseconds(50), ct);
        await redis.WaitUntilGoneAsync(prefix + "orders:1");

        var claim = await store.TryClaimAsync("orders:1", Lease, ct);

        Assert.Equal(NonceClaimStatus.Claimed, claim.Status);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task TryClaimAsync_ConcurrentClaimsFromTwoStores_ExactlyOneClaims(string target)
    {
        var redis = await servers.GetAsync(target);
        var prefix = RedisTarget.UniquePrefix();
        await using var first = CreateStore(redis.Configuration, prefix);
        await using var second = CreateStore(redis.Configuration, prefix);
        var ct = TestContext.Current.CancellationToken;

        var claims = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            (i % 2 == 0 ? first : second).TryClaimAsync("orders:1", Lease, ct).AsTask()));

        Assert.Single(claims, c => c.Status == NonceClaimStatus.Claimed);
        Assert.Equal(199, claims.Count(c => c.Status == NonceClaimStatus.InFlight));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task TryClaimAsync_ScriptClaimOnNewKey_ClaimsUnderPrefixWithLeaseTtl(string target)
    {
        var redis = await servers.GetAsync(target);
        var prefix = RedisTarget.UniquePrefix();
        await using var store = CreateStore(redis.Configuration, prefix);
        store.ForceScriptClaim();

        var claim = await store.TryClaimAsync("orders:1", Lease, TestContext.Current.CancellationToken);

        Assert.Equal(NonceClaimStatus.Claimed, claim.Status);
        Assert.Equal(claim.Token.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)await redis.Database.StringGetAsync(prefix + "orders:1"));
        var ttl = await redis.Database.KeyTimeToLiveAsync(prefix + "orders:1");
        Assert.InRange(ttl!.Value, TimeSpan.FromMilliseconds(1), Lease);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task TryClaimAsync_ScriptClaimOnTakenKey_AnswersInFlightThenCompleted(string target)
    {
        await using var store = await CreateStoreAsync(target);
        store.ForceScriptClaim();
        var ct = TestContext.Current.CancellationToken;
        var claim = await store.TryClaimAsync("orders:1", Lease, ct);

        var inFlight = await store.TryClaimAsync("orders:1", Lease, ct);
        await store.CompleteAsync("orders:1", claim.Token, Retention, ct);
        var completed = await store.TryClaimAsync("orders:1", Lease, ct);

        Assert.Equal(NonceClaimStatus.InFlight, inFlight.Status);
        Assert.Equal(NonceClaimStatus.Completed, completed.Status);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task TryClaimAsync_AnswerArrivesAfterTheTimeout_GivesTheLateClaimBackForTheRetry(string target)
    {
        var redis = await servers.GetAsync(target);
        var prefix = RedisTarget.UniquePrefix();
        var ct = TestContext.Current.CancellationToken;
        await using var proxy = new TcpProxy(redis.Configuration);
        await using var store = new RedisNonceStore(Options.Create(new RedisNonceStoreOptions
        {
            ConfigurationOptions = proxy.CreateConfigurationOptions(),
            InstanceName = prefix,
            Timeout = TimeSpan.FromMilliseconds(200),
        }), NullLogger<RedisNonceStore>.Instance);
        Assert.True(await store.WarmUpAsync(ct));
        await using var otherInstance = CreateStore(redis.Configuration, prefix);
        proxy.ReplyDelay = TimeSpan.FromMilliseconds(600);

        var error = await Record.ExceptionAsync(() => store.TryClaimAsync("orders:1", Lease, ct).AsTask());
        var landed = await redis.Database.KeyExistsAsync(prefix + "orders:1");
        await redis.WaitUntilGoneAsync(prefix + "orders:1");
        var retry = await otherInstance.TryClaimAsync("orders:1", Lease, ct);

        Assert.IsType<TimeoutException>(error);
        Assert.True(landed, "the timed-out claim should have reached the server");
        Assert.Equal(NonceClaimStatus.Claimed, retry.Status);
    }

    [Fact]
    public async Task TryClaimAsync_NothingListening_Throws()
    {
        await using var store = CreateStore(Loopback.ClosedConfiguration(), "p:", TimeSpan.FromMilliseconds(500));

        var error = await Record.ExceptionAsync(() => store.TryClaimAsync("orders:1", Lease, TestContext.Current.CancellationToken).AsTask());

        Assert.NotNull(error);
        Assert.IsNotAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task TryClaimAsync_ServerNeverAnswers_ThrowsTimeoutNamingTheOption()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var store = CreateStore($"127.0.0.1:{port}", "p:", TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => store.TryClaimAsync("orders:1", Lease, TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("RedisNonceStoreOptions.Timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryClaimAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var store = CreateStore($"127.0.0.1:{port}", "p:");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.TryClaimAsync("orders:1", Lease, cancelled.Token).AsTask());
    }

    [Fact]
    public async Task TryClaimAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var store = CreateStore(Loopback.ClosedConfiguration(), "p:");
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.TryClaimAsync("orders:1", Lease, TestContext.Current.CancellationToken).AsTask());
    }
}
