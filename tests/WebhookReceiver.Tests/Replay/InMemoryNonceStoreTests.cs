using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WebhookReceiver.Replay;

namespace WebhookReceiver.Tests.Replay;

public sealed class InMemoryNonceStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    private InMemoryNonceStore Create(int maxEntries = 1000)
        => new(_time, Options.Create(new InMemoryNonceStoreOptions { MaxEntries = maxEntries, SweepInterval = TimeSpan.FromMinutes(1) }));

    [Fact]
    public async Task TryClaim_NewKey_IsClaimedWithAToken()
    {
        using var store = Create();
        var claim = await store.TryClaimAsync("s:1", Lease, Ct);
        Assert.Equal(NonceClaimStatus.Claimed, claim.Status);
        Assert.NotEqual(0, claim.Token);
    }

    [Fact]
    public async Task TryClaim_WhileInFlight_AnswersInFlight()
    {
        using var store = Create();
        await store.TryClaimAsync("s:1", Lease, Ct);
        Assert.Equal(NonceClaimStatus.InFlight, (await store.TryClaimAsync("s:1", Lease, Ct)).Status);
    }

    [Fact]
    public async Task TryClaim_AfterComplete_AnswersCompletedUntilRetentionEnds()
    {
        using var store = Create();
        var claim = await store.TryClaimAsync("s:1", Lease, Ct);
        await store.CompleteAsync("s:1", claim.Token, TimeSpan.FromHours(1), Ct);

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(NonceClaimStatus.Completed, (await store.TryClaimAsync("s:1", Lease, Ct)).Status);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(NonceClaimStatus.Claimed, (await store.TryClaimAsync("s:1", Lease, Ct)).Status);
    }

    [Fact]
    public async Task TryClaim_AfterLeaseExpires_IsClaimedAgain()
    {
        using var store = Create();
        await store.TryClaimAsync("s:1", Lease, Ct);
        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(NonceClaimStatus.Claimed, (await store.TryClaimAsync("s:1", Lease, Ct)).Status);
    }

    [Fact]
    public async Task Release_WithOwnToken_LetsTheRetryIn()
    {
        using var store = Create();
        var claim = await store.TryClaimAsync("s:1", Lease, Ct);
        await store.ReleaseAsync("s:1", claim.Token, Ct);
        Assert.Equal(NonceClaimStatus.Claimed, (await store.TryClaimAsync("s:1", Lease, Ct)).Status);
    }

    [Fact]
    public async Task Release_WithStaleToken_KeepsTheNewOwnersClaim()
    {
        using var store = Create();
        var first = await store.TryClaimAsync("s:1", Lease, Ct);
        _time.Advance(Lease + TimeSpan.FromSeconds(1));
        await store.TryClaimAsync("s:1", Lease, Ct);

        await store.ReleaseAsync("s:1", first.Token, Ct);

        Assert.Equal(NonceClaimStatus.InFlight, (await store.TryClaimAsync("s:1", Lease, Ct)).Status);
    }

    [Fact]
    public async Task Release_AfterComplete_KeepsCompleted()
    {
        using var store = Create();
        var claim = await store.TryClaimAsync("s:1", Lease, Ct);
        await store.CompleteAsync("s:1", claim.Token, TimeSpan.FromHours(1), Ct);
        await store.ReleaseAsync("s:1", claim.Token, Ct);
        Assert.Equal(NonceClaimStatus.Completed, (await store.TryClaimAsync("s:1", Lease, Ct)).Status);
    }

    [Fact]
    public async Task Full_ExpiredEntriesAreSweptToMakeRoom()
    {
        using var store = Create(maxEntries: 2);
        await store.TryClaimAsync("s:1", Lease, Ct);
        await store.TryClaimAsync("s:2", Lease, Ct);
        _time.Advance(Lease + TimeSpan.FromSeconds(1));

        Assert.Equal(NonceClaimStatus.Claimed, (await store.TryClaimAsync("s:3", Lease, Ct)).Status);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Full_NothingExpired_ThrowsSoTheEndpointFailsClosed()
    {
        using var store = Create(maxEntries: 2);
        await store.TryClaimAsync("s:1", Lease, Ct);
        await store.TryClaimAsync("s:2", Lease, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryClaimAsync("s:3", Lease, Ct));
    }

    [Fact]
    public async Task InitialCapacity_AboveMaxEntries_StillBoundedByMaxEntriesAndKeepsClaimSemantics()
    {
        using var store = new InMemoryNonceStore(_time, Options.Create(new InMemoryNonceStoreOptions { MaxEntries = 2, InitialCapacity = 1_000 }));
        var claim = await store.TryClaimAsync("s:1", Lease, Ct);
        await store.CompleteAsync("s:1", claim.Token, TimeSpan.FromHours(1), Ct);
        await store.TryClaimAsync("s:2", Lease, Ct);

        Assert.Equal(NonceClaimStatus.Completed, (await store.TryClaimAsync("s:1", Lease, Ct)).Status);
        Assert.Equal(NonceClaimStatus.InFlight, (await store.TryClaimAsync("s:2", Lease, Ct)).Status);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryClaimAsync("s:3", Lease, Ct));
    }

    [Fact]
    public async Task SweepTimer_RemovesExpiredEntries()
    {
        using var store = Create();
        await store.TryClaimAsync("s:1", Lease, Ct);
        var claim = await store.TryClaimAsync("s:2", Lease, Ct);
        await store.CompleteAsync("s:2", claim.Token, TimeSpan.FromHours(1), Ct);

        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task ConcurrentClaims_ExactlyOneWins()
    {
        using var store = Create();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await store.TryClaimAsync("s:race", Lease, Ct))));
        Assert.Single(results, r => r.Status == NonceClaimStatus.Claimed);
    }

    [Fact]
    public async Task TryClaim_LongKeys_CountTheirSizeAndFailClosedAtMaxBytes()
    {
        var budget = 10 * (InMemoryNonceStoreOptions.EntryOverheadBytes + 2 * 1000L);
        using var store = new InMemoryNonceStore(_time, Options.Create(new InMemoryNonceStoreOptions { MaxEntries = 1_000_000, MaxBytes = budget }));

        for (var i = 0; i < 10; i++)
            await store.TryClaimAsync(i.ToString("D1000", System.Globalization.CultureInfo.InvariantCulture), Lease, Ct);

        Assert.Equal(budget, store.Bytes);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryClaimAsync(new string('x', 1000), Lease, Ct));
        Assert.Equal(10, store.Count);
    }

    [Fact]
    public async Task Release_AndSweep_GiveTheirBytesBack()
    {
        using var store = Create();
        var kept = await store.TryClaimAsync("s:kept", Lease, Ct);
        var released = await store.TryClaimAsync("s:released", Lease, Ct);
        await store.CompleteAsync("s:kept", kept.Token, TimeSpan.FromMinutes(5), Ct);

        await store.ReleaseAsync("s:released", released.Token, Ct);
        Assert.Equal(InMemoryNonceStoreOptions.EntryOverheadBytes + 2 * "s:kept".Length, store.Bytes);

        _time.Advance(TimeSpan.FromMinutes(6));
        store.Sweep();
        Assert.Equal(0, store.Bytes);
        Assert.Equal(0, store.Count);
    }
}
