using System.Collections.Concurrent;
using System.Diagnostics;

namespace WebhookReceiver.Tests.Inbox;

/// <summary>
/// The semantics every <see cref="IWebhookInboxStore"/> must have, through the public contract only. A store's test class
/// derives from this and creates a fresh, empty store per call of <see cref="CreateStoreAsync"/>. Times are real (the
/// system clock), leases short: a distributed store may measure a lease on its server's clock (Redis: the idle time of
/// a pending stream entry), so "past its lease" must really have passed.
/// </summary>
public abstract class InboxStoreContractTests : IAsyncLifetime
{
    private readonly List<IWebhookInboxStore> _stores = [];
    private int _nextId;

    /// <summary>Creates a new, empty store (its own namespace on a shared server).</summary>
    protected abstract Task<IWebhookInboxStore> CreateStoreAsync();

    /// <summary>The lease the tests that let one run out use.</summary>
    protected virtual TimeSpan ShortLease => TimeSpan.FromMilliseconds(400);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    private static readonly TimeSpan LongLease = TimeSpan.FromMinutes(5);

    protected async Task<IWebhookInboxStore> StoreAsync()
    {
        var store = await CreateStoreAsync();
        lock (_stores)
            _stores.Add(store);
        return store;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            if (store is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync();
            else if (store is IDisposable disposable)
                disposable.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>A new queued entry, ids time-ordered, received <paramref name="receivedAt"/> (default now).</summary>
    protected WebhookInboxEntry NewEntry(DateTimeOffset? receivedAt = null)
    {
        var n = Interlocked.Increment(ref _nextId);
        var at = receivedAt ?? Now();
        var id = $"{at.UtcTicks:D19}-{n:D6}";
        return new WebhookInboxEntry
        {
            Id = id,
            Endpoint = "/webhooks/standard",
            Scheme = "standard",
            DeliveryId = WebhookValue.FromSigned("msg_" + id),
            EventType = WebhookValue.FromSigned("invoice.paid"),
            ReplayKey = "msg_" + id,
            Body = "{\"n\":1}"u8.ToArray(),
            Json = "{\"n\":1}"u8.ToArray(),
            Headers = [new("webhook-id", ["msg_" + id])],
            ReceivedAt = at,
            Status = WebhookInboxStatus.Queued,
            DueAt = at,
        };
    }

    private static async Task<WebhookInboxEntry> TakeAsync(IWebhookInboxStore store, TimeSpan? lease = null)
    {
        var now = Now();
        var taken = await store.TakeDueAsync(now, now + (lease ?? LongLease), Ct);
        Assert.NotNull(taken);
        return taken;
    }

    private static async Task<WebhookInboxEntry?> TryTakeAsync(IWebhookInboxStore store, TimeSpan? lease = null)
    {
        var now = Now();
        return await store.TakeDueAsync(now, now + (lease ?? LongLease), Ct);
    }

    /// <summary>Takes the entry and records <paramref name="status"/> for it, as an attempt would.</summary>
    private async Task<WebhookInboxEntry> SettleAsync(IWebhookInboxStore store, WebhookInboxStatus status, DateTimeOffset? completedAt = null, DateTimeOffset? receivedAt = null)
    {
        var entry = NewEntry(receivedAt);
        await store.AddAsync([entry], Ct);
        var taken = await TakeAsync(store);
        Assert.Equal(entry.Id, taken.Id);
        taken.Attempts++;
        taken.Status = status;
        if (status == WebhookInboxStatus.Completed)
            taken.CompletedAt = completedAt ?? Now();
        if (status is WebhookInboxStatus.Retrying or WebhookInboxStatus.Dead)
            taken.LastError = "System.InvalidOperationException: boom";
        taken.DueAt = status == WebhookInboxStatus.Retrying ? Now() + LongLease : taken.DueAt;
        Assert.True(await store.UpdateAsync(taken, Ct));
        return taken;
    }

    [Fact]
    public async Task TakeDue_EntriesAdded_TakenInAddOrderThenNone()
    {
        var store = await StoreAsync();
        var a = NewEntry();
        var b = NewEntry();
        var c = NewEntry();
        await store.AddAsync([a, b], Ct);
        await store.AddAsync([c], Ct);

        Assert.Equal(a.Id, (await TakeAsync(store)).Id);
        Assert.Equal(b.Id, (await TakeAsync(store)).Id);
        Assert.Equal(c.Id, (await TakeAsync(store)).Id);
        Assert.Null(await TryTakeAsync(store));
    }

    [Fact]
    public async Task TakeDue_EmptyStore_Null()
    {
        var store = await StoreAsync();
        Assert.Null(await TryTakeAsync(store));
    }

    [Fact]
    public async Task TakeDue_Entry_MarkedProcessingUntilTheLeaseWithTheLeaseIncremented()
    {
        var store = await StoreAsync();
        var entry = NewEntry();
        await store.AddAsync([entry], Ct);
        var now = Now();
        var leaseUntil = now + LongLease;

        var taken = await store.TakeDueAsync(now, leaseUntil, Ct);

        Assert.NotNull(taken);
        Assert.Equal(WebhookInboxStatus.Processing, taken.Status);
        Assert.Equal(1, taken.Lease);
        Assert.Equal(leaseUntil, taken.DueAt);
        Assert.Equal(0, taken.Attempts);
        var stored = await store.GetAsync(entry.Id, Ct);
        Assert.Equal(WebhookInboxStatus.Processing, stored!.Status);
        Assert.Equal(1, stored.Lease);
        Assert.Equal(leaseUntil, stored.DueAt);
        Assert.Null(await TryTakeAsync(store)); // held by the lease
    }

    [Fact]
    public async Task TakeDue_CompletedEntry_NeverTakenEvenPastItsLease()
    {
        var store = await StoreAsync();
        var entry = NewEntry();
        await store.AddAsync([entry], Ct);
        var taken = await TakeAsync(store, ShortLease);
        taken.Attempts = 1;
        taken.Status = WebhookInboxStatus.Completed;
        taken.CompletedAt = Now();
        Assert.True(await store.UpdateAsync(taken, Ct));

        await Task.Delay(ShortLease * 2, Ct);

        Assert.Null(await TryTakeAsync(store, ShortLease));
        Assert.Equal(WebhookInboxStatus.Completed, (await store.GetAsync(entry.Id, Ct))!.Status);
    }

    [Fact]
    public async Task TakeDue_DeadEntry_NeverTaken()
    {
        var store = await StoreAsync();
        await SettleAsync(store, WebhookInboxStatus.Dead);
        Assert.Null(await TryTakeAsync(store));
    }

    [Fact]
    public async Task TakeDue_ProcessingPastItsLease_TakenAgainAndTheOlderAttemptCannotUpdate()
    {
        var store = await StoreAsync();
        var entry = NewEntry();
        await store.AddAsync([entry], Ct);
        var first = await TakeAsync(store, ShortLease);
        Assert.Null(await TryTakeAsync(store, ShortLease)); // lease still running

        await Task.Delay(ShortLease * 2, Ct);
        var second = await TakeAsync(store, ShortLease);

        Assert.Equal(entry.Id, second.Id);
        Assert.Equal(WebhookInboxStatus.Processing, second.Status);
        Assert.Equal(2, second.Lease);
        Assert.Equal(1, second.Attempts); // the attempt that never reported counts
        Assert.Equal(WebhookInboxEntry.LeaseRanOutError, second.LastError);

        first.Attempts = 1;
        first.Status = WebhookInboxStatus.Retrying;
        first.DueAt = Now();
        first.LastError = "System.TimeoutException: too slow";
        Assert.False(await store.UpdateAsync(first, Ct));
        var stored = await store.GetAsync(entry.Id, Ct);
        Assert.Equal(WebhookInboxStatus.Processing, stored!.Status);
        Assert.Equal(2, stored.Lease);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(WebhookInboxEntry.LeaseRanOutError, stored.LastError);

        second.Attempts = 2;
        second.LastError = null;
        second.Status = WebhookInboxStatus.Completed;
        second.CompletedAt = Now();
        Assert.True(await store.UpdateAsync(second, Ct));
        var completed = (await store.GetAsync(entry.Id, Ct))!;
        Assert.Equal(WebhookInboxStatus.Completed, completed.Status);
        Assert.Null(completed.LastError); // the lease-ran-out error is cleared with the success that followed it
        Assert.NotNull(completed.CompletedAt);
    }

    [Fact]
    public async Task Renew_WhileProcessing_KeepsTheEntryFromBeingTakenOverPastTheFirstLease()
    {
        var store = await StoreAsync();
        var entry = NewEntry();
        await store.AddAsync([entry], Ct);
        var taken = await TakeAsync(store, ShortLease);

        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(ShortLease / 2, Ct);
            Assert.True(await store.RenewAsync(taken, Now() + ShortLease, Ct));
            Assert.Null(await TryTakeAsync(store, ShortLease)); // two leases have passed since the take, none since the renewal
        }

        taken.Attempts = 1;
        taken.Status = WebhookInboxStatus.Completed;
        taken.CompletedAt = Now();
        Assert.True(await store.UpdateAsync(taken, Ct));
        var stored = await store.GetAsync(entry.Id, Ct);
        Assert.Equal(WebhookInboxStatus.Completed, stored!.Status);
        Assert.Equal(1, stored.Lease);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task Renew_AfterTheLeaseWasTakenOver_FalseAndTheNewerLeaseKept()
    {
        var store = await StoreAsync();
        var entry = NewEntry();
        await store.AddAsync([entry], Ct);
        var first = await TakeAsync(store, ShortLease);
        await Task.Delay(ShortLease * 2, Ct);
        var second = await TakeAsync(store, ShortLease);

        Assert.False(await store.RenewAsync(first, Now() + LongLease, Ct));

        var stored = await store.GetAsync(entry.Id, Ct);
        Assert.Equal(2, stored!.Lease);
        Assert.True(await store.RenewAsync(second, Now() + LongLease, Ct));
    }

    [Fact]
    public async Task Renew_EntryNotProcessing_False()
    {
        var store = await StoreAsync();
        var completed = await SettleAsync(store, WebhookInboxStatus.Completed);
        var unknown = NewEntry();
        unknown.Lease = 1;

        Assert.False(await store.RenewAsync(completed, Now() + LongLease, Ct));
        Assert.False(await store.RenewAsync(unknown, Now() + LongLease, Ct));
        Assert.Equal(WebhookInboxStatus.Completed, (await store.GetAsync(completed.Id, Ct))!.Status);
    }

    [Fact]
    public async Task Update_UnknownEntry_False()
    {
        var store = await StoreAsync();
        var entry = NewEntry();
        entry.Status = WebhookInboxStatus.Completed;
        entry.Lease = 1;
        Assert.False(await store.UpdateAsync(entry, Ct));
        Assert.Null(await store.GetAsync(entry.Id, Ct));
    }

    [Fact]
    public async Task Update_EntryNotTaken_FalseAndNothingWritten()
    {
        var store = await StoreAsync();
        var entry = NewEntry();
        await store.AddAsync([entry], Ct);
        var copy = (await store.GetAsync(entry.Id, Ct))!;
        copy.Status = WebhookInboxStatus.Completed;
        copy.CompletedAt = Now();

        Assert.False(await store.UpdateAsync(copy, Ct));
        Assert.Equal(WebhookInboxStatus.Queued, (await store.GetAsync(entry.Id, Ct))!.Status);
    }

    [Fact]
    public async Task TakeDue_RetryingEntry_TakenOnlyOnceItIsDue()
    {
        var store = await StoreAsync();
        var entry = NewEntry();
        await store.AddAsync([entry], Ct);
        var taken = await TakeAsync(store);
        var dueAt = Now() + TimeSpan.FromMilliseconds(600);
        taken.Attempts = 1;
        taken.Status = WebhookInboxStatus.Retrying;
        taken.DueAt = dueAt;
        taken.LastError = "System.InvalidOperationException: boom";
        Assert.True(await store.UpdateAsync(taken, Ct));

        var stored = await store.GetAsync(entry.Id, Ct);
        Assert.Equal(WebhookInboxStatus.Retrying, stored!.Status);
        Assert.Equal(dueAt, stored.DueAt);
        Assert.Null(await TryTakeAsync(store));

        var wait = dueAt - Now();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait + TimeSpan.FromMilliseconds(20), Ct);
        var retried = await TakeAsync(store);

        Assert.Equal(entry.Id, retried.Id);
        Assert.Equal(1, retried.Attempts);
        Assert.Equal(2, retried.Lease);
        Assert.Equal("System.InvalidOperationException: boom", retried.LastError);
    }

    [Fact]
    public async Task TakeDue_QueuedAgainByAnAttempt_TakenAgainAtItsDueTime()
    {
        var store = await StoreAsync();
        var entry = NewEntry();
        await store.AddAsync([entry], Ct);
        var taken = await TakeAsync(store);
        taken.Status = WebhookInboxStatus.Queued; // a shutdown sends it back
        taken.DueAt = Now();
        Assert.True(await store.UpdateAsync(taken, Ct));

        Assert.Equal(WebhookInboxStatus.Queued, (await store.GetAsync(entry.Id, Ct))!.Status);
        var again = await TakeAsync(store);
        Assert.Equal(entry.Id, again.Id);
        Assert.Equal(2, again.Lease);
    }

    [Fact]
    public async Task Reschedule_RetryingEntry_QueuedDueNowAttemptsKept()
    {
        var store = await StoreAsync();
        var retrying = await SettleAsync(store, WebhookInboxStatus.Retrying);
        Assert.Null(await TryTakeAsync(store)); // due in minutes
        var now = Now();

        Assert.Equal(WebhookInboxOperationResult.Done, await store.RescheduleAsync(retrying.Id, resetAttempts: false, now, Ct));

        var stored = await store.GetAsync(retrying.Id, Ct);
        Assert.Equal(WebhookInboxStatus.Queued, stored!.Status);
        Assert.Equal(now, stored.DueAt);
        Assert.Equal(1, stored.Attempts);
        var taken = await TakeAsync(store);
        Assert.Equal(retrying.Id, taken.Id);
        Assert.Equal(1, taken.Attempts);
    }

    [Fact]
    public async Task Reschedule_DeadEntryWithReset_QueuedDueNowAttemptsZero()
    {
        var store = await StoreAsync();
        var dead = await SettleAsync(store, WebhookInboxStatus.Dead);
        var now = Now();

        Assert.Equal(WebhookInboxOperationResult.Done, await store.RescheduleAsync(dead.Id, resetAttempts: true, now, Ct));

        var stored = await store.GetAsync(dead.Id, Ct);
        Assert.Equal(WebhookInboxStatus.Queued, stored!.Status);
        Assert.Equal(now, stored.DueAt);
        Assert.Equal(0, stored.Attempts);
        Assert.Equal(dead.Id, (await TakeAsync(store)).Id);
    }

    [Fact]
    public async Task Reschedule_UnknownEntry_NotFound()
    {
        var store = await StoreAsync();
        Assert.Equal(WebhookInboxOperationResult.NotFound, await store.RescheduleAsync("no-such-entry", false, Now(), Ct));
    }

    [Fact]
    public async Task Reschedule_QueuedProcessingOrCompleted_WrongStatusAndUnchanged()
    {
        var store = await StoreAsync();
        var completed = await SettleAsync(store, WebhookInboxStatus.Completed);
        var processing = NewEntry();
        await store.AddAsync([processing], Ct);
        Assert.Equal(processing.Id, (await TakeAsync(store)).Id);
        var queued = NewEntry();
        await store.AddAsync([queued], Ct);

        foreach (var (id, status) in new[] { (queued.Id, WebhookInboxStatus.Queued), (processing.Id, WebhookInboxStatus.Processing), (completed.Id, WebhookInboxStatus.Completed) })
        {
            Assert.Equal(WebhookInboxOperationResult.WrongStatus, await store.RescheduleAsync(id, true, Now(), Ct));
            Assert.Equal(status, (await store.GetAsync(id, Ct))!.Status);
        }
        Assert.Equal(queued.Id, (await TakeAsync(store)).Id);
        Assert.Null(await TryTakeAsync(store));
    }

    [Fact]
    public async Task Delete_CompletedOrDead_Removed()
    {
        var store = await StoreAsync();
        var completed = await SettleAsync(store, WebhookInboxStatus.Completed);
        var dead = await SettleAsync(store, WebhookInboxStatus.Dead);

        Assert.Equal(WebhookInboxOperationResult.Done, await store.DeleteAsync(completed.Id, Ct));
        Assert.Equal(WebhookInboxOperationResult.Done, await store.DeleteAsync(dead.Id, Ct));

        Assert.Null(await store.GetAsync(completed.Id, Ct));
        Assert.Null(await store.GetAsync(dead.Id, Ct));
        Assert.Equal(new WebhookInboxCounts(0, 0, 0, 0, 0, null), await store.CountAsync(Ct));
        Assert.Empty(await store.ListAsync(null, 10, Ct));
        Assert.Equal(WebhookInboxOperationResult.NotFound, await store.DeleteAsync(completed.Id, Ct));
    }

    [Fact]
    public async Task Delete_QueuedProcessingOrRetrying_WrongStatusAndKept()
    {
        var store = await StoreAsync();
        var retrying = await SettleAsync(store, WebhookInboxStatus.Retrying);
        var processing = NewEntry();
        await store.AddAsync([processing], Ct);
        Assert.Equal(processing.Id, (await TakeAsync(store)).Id);
        var queued = NewEntry();
        await store.AddAsync([queued], Ct);

        foreach (var id in new[] { queued.Id, processing.Id, retrying.Id })
        {
            Assert.Equal(WebhookInboxOperationResult.WrongStatus, await store.DeleteAsync(id, Ct));
            Assert.NotNull(await store.GetAsync(id, Ct));
        }
        Assert.Equal(WebhookInboxOperationResult.NotFound, await store.DeleteAsync("no-such-entry", Ct));
    }

    [Fact]
    public async Task Purge_CompletedThenDead_CountsRemovedAndKeepsTheRest()
    {
        var store = await StoreAsync();
        var completed1 = await SettleAsync(store, WebhookInboxStatus.Completed);
        var completed2 = await SettleAsync(store, WebhookInboxStatus.Completed);
        var dead = await SettleAsync(store, WebhookInboxStatus.Dead);
        var retrying = await SettleAsync(store, WebhookInboxStatus.Retrying);
        var queued = NewEntry();
        await store.AddAsync([queued], Ct);

        Assert.Equal(2, await store.PurgeAsync(WebhookInboxStatus.Completed, Ct));
        Assert.Null(await store.GetAsync(completed1.Id, Ct));
        Assert.Null(await store.GetAsync(completed2.Id, Ct));
        Assert.NotNull(await store.GetAsync(dead.Id, Ct));

        Assert.Equal(1, await store.PurgeAsync(WebhookInboxStatus.Dead, Ct));
        Assert.Null(await store.GetAsync(dead.Id, Ct));
        Assert.Equal(0, await store.PurgeAsync(WebhookInboxStatus.Dead, Ct));

        Assert.NotNull(await store.GetAsync(retrying.Id, Ct));
        Assert.NotNull(await store.GetAsync(queued.Id, Ct));
        var counts = await store.CountAsync(Ct);
        Assert.Equal((1L, 0L, 1L, 0L, 0L), (counts.Queued, counts.Processing, counts.Retrying, counts.Completed, counts.Dead));
    }

    [Theory]
    [InlineData(WebhookInboxStatus.Queued)]
    [InlineData(WebhookInboxStatus.Processing)]
    [InlineData(WebhookInboxStatus.Retrying)]
    public async Task Purge_PendingStatus_Throws(WebhookInboxStatus status)
    {
        var store = await StoreAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.PurgeAsync(status, Ct));
    }

    [Fact]
    public async Task Count_EmptyStore_ZerosAndNoOldest()
    {
        var store = await StoreAsync();
        var counts = await store.CountAsync(Ct);
        Assert.Equal(new WebhookInboxCounts(0, 0, 0, 0, 0, null), counts);
        Assert.Equal(0, counts.Pending);
    }

    [Fact]
    public async Task Count_EntriesInEveryStatus_CountedWithTheOldestPendingReceivedAt()
    {
        var store = await StoreAsync();
        var start = Now() - TimeSpan.FromHours(1);
        await SettleAsync(store, WebhookInboxStatus.Completed, receivedAt: start); // older than every pending one
        await SettleAsync(store, WebhookInboxStatus.Dead, receivedAt: start.AddMinutes(1));
        var retrying = await SettleAsync(store, WebhookInboxStatus.Retrying, receivedAt: start.AddMinutes(2).AddTicks(1234));
        var processing = NewEntry(start.AddMinutes(3));
        await store.AddAsync([processing], Ct);
        Assert.Equal(processing.Id, (await TakeAsync(store)).Id);
        await store.AddAsync([NewEntry(start.AddMinutes(4)), NewEntry(start.AddMinutes(5))], Ct);

        var counts = await store.CountAsync(Ct);

        Assert.Equal(new WebhookInboxCounts(2, 1, 1, 1, 1, retrying.ReceivedAt), counts);
        Assert.Equal(4, counts.Pending);
    }

    [Fact]
    public async Task Trim_CompletedBeforeTheCutOff_RemovedOthersKept()
    {
        var store = await StoreAsync();
        var now = Now();
        var old = await SettleAsync(store, WebhookInboxStatus.Completed, completedAt: now - TimeSpan.FromHours(2));
        var recent = await SettleAsync(store, WebhookInboxStatus.Completed, completedAt: now - TimeSpan.FromMinutes(10));
        var dead = await SettleAsync(store, WebhookInboxStatus.Dead);
        var retrying = await SettleAsync(store, WebhookInboxStatus.Retrying);

        await store.TrimAsync(now - TimeSpan.FromHours(1), Ct);

        Assert.Null(await store.GetAsync(old.Id, Ct));
        Assert.NotNull(await store.GetAsync(recent.Id, Ct));
        Assert.NotNull(await store.GetAsync(dead.Id, Ct));
        Assert.NotNull(await store.GetAsync(retrying.Id, Ct));
        Assert.Equal(1, (await store.CountAsync(Ct)).Completed);

        await store.TrimAsync(now + TimeSpan.FromHours(1), Ct);

        Assert.Null(await store.GetAsync(recent.Id, Ct));
        Assert.NotNull(await store.GetAsync(dead.Id, Ct)); // dead letters are kept
        Assert.Equal(new WebhookInboxCounts(0, 0, 1, 0, 1, retrying.ReceivedAt), await store.CountAsync(Ct));
    }

    [Fact]
    public async Task List_ByStatus_OldestFirstAtMostMax()
    {
        var store = await StoreAsync();
        var start = Now() - TimeSpan.FromHours(1);
        var dead1 = await SettleAsync(store, WebhookInboxStatus.Dead, receivedAt: start);
        var completed = await SettleAsync(store, WebhookInboxStatus.Completed, receivedAt: start.AddMinutes(1));
        var dead2 = await SettleAsync(store, WebhookInboxStatus.Dead, receivedAt: start.AddMinutes(2));
        var dead3 = await SettleAsync(store, WebhookInboxStatus.Dead, receivedAt: start.AddMinutes(3));
        var queued = NewEntry(start.AddMinutes(4));
        await store.AddAsync([queued], Ct);

        Assert.Equal([dead1.Id, dead2.Id, dead3.Id], (await store.ListAsync(WebhookInboxStatus.Dead, 10, Ct)).Select(e => e.Id));
        Assert.Equal([dead1.Id, dead2.Id], (await store.ListAsync(WebhookInboxStatus.Dead, 2, Ct)).Select(e => e.Id));
        Assert.Equal([completed.Id], (await store.ListAsync(WebhookInboxStatus.Completed, 10, Ct)).Select(e => e.Id));
        Assert.Equal([queued.Id], (await store.ListAsync(WebhookInboxStatus.Queued, 10, Ct)).Select(e => e.Id));
        Assert.Empty(await store.ListAsync(WebhookInboxStatus.Retrying, 10, Ct));
        Assert.Equal([dead1.Id, completed.Id, dead2.Id, dead3.Id, queued.Id], (await store.ListAsync(null, 10, Ct)).Select(e => e.Id));
        Assert.Equal([dead1.Id, completed.Id, dead2.Id], (await store.ListAsync(null, 3, Ct)).Select(e => e.Id));
        var listed = await store.ListAsync(WebhookInboxStatus.Dead, 1, Ct);
        Assert.Equal(WebhookInboxStatus.Dead, listed[0].Status);
        Assert.Equal("System.InvalidOperationException: boom", listed[0].LastError);
        Assert.Equal(1, listed[0].Attempts);
    }

    [Fact]
    public async Task Get_Entry_EveryPropertyAsStored()
    {
        var store = await StoreAsync();
        byte[] body = [0x00, 0xFF, 0xFE, (byte)'[', 0x80, (byte)'{', (byte)'}', (byte)']', 0x0A, 0x0D];
        var receivedAt = new DateTimeOffset(2026, 12, 2, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567);
        var timestamp = new DateTimeOffset(2026, 12, 2, 5, 6, 0, TimeSpan.Zero);
        var entry = new WebhookInboxEntry
        {
            Id = "entry-" + Guid.NewGuid().ToString("N"),
            Endpoint = "/webhooks/{tenant}/orders",
            Scheme = "orders-ß",
            DeliveryId = WebhookValue.FromSigned("msg_2Kz"),
            EventType = WebhookValue.FromLabel("order.created"),
            ReplayKey = "msg_2Kz#1",
            Body = body,
            Json = "{\"item\":\"é\"}"u8.ToArray(),
            Headers =
            [
                new("webhook-id", ["msg_2Kz"]),
                new("X-Multi", ["a", "b, c", ""]),
                new("X-Unicode", ["日本 \"quoted\" \\ \n"]),
                new("X-Empty", []),
            ],
            Timestamp = timestamp,
            ReceivedAt = receivedAt,
            Status = WebhookInboxStatus.Queued,
            DueAt = receivedAt,
        };
        var noTimestamp = new WebhookInboxEntry
        {
            Id = "entry-" + Guid.NewGuid().ToString("N"),
            Endpoint = "/webhooks/plain",
            Scheme = "plain",
            DeliveryId = WebhookValue.FromLabel(null),
            EventType = new WebhookValue(null, false),
            ReplayKey = "sha256:abc",
            Body = Array.Empty<byte>(),
            Json = Array.Empty<byte>(),
            Headers = [],
            ReceivedAt = receivedAt,
            Status = WebhookInboxStatus.Queued,
            DueAt = receivedAt,
        };
        await store.AddAsync([entry, noTimestamp], Ct);

        var stored = await store.GetAsync(entry.Id, Ct);

        Assert.NotNull(stored);
        Assert.Equal(entry.Id, stored.Id);
        Assert.Equal(entry.Endpoint, stored.Endpoint);
        Assert.Equal(entry.Scheme, stored.Scheme);
        Assert.Equal(entry.DeliveryId, stored.DeliveryId);
        Assert.True(stored.DeliveryId.IsSigned);
        Assert.Equal(entry.EventType, stored.EventType);
        Assert.False(stored.EventType.IsSigned);
        Assert.Equal(entry.ReplayKey, stored.ReplayKey);
        Assert.Equal(body, stored.Body.ToArray());
        Assert.Equal(entry.Json.ToArray(), stored.Json.ToArray());
        Assert.Equal(entry.Headers.Count, stored.Headers.Count);
        for (var i = 0; i < entry.Headers.Count; i++)
        {
            Assert.Equal(entry.Headers[i].Key, stored.Headers[i].Key);
            Assert.Equal(entry.Headers[i].Value, stored.Headers[i].Value);
        }
        Assert.Equal(timestamp, stored.Timestamp);
        Assert.Equal(receivedAt, stored.ReceivedAt);
        Assert.Equal(receivedAt.UtcTicks, stored.ReceivedAt.UtcTicks);
        Assert.Equal(WebhookInboxStatus.Queued, stored.Status);
        Assert.Equal(receivedAt, stored.DueAt);
        Assert.Equal(0, stored.Attempts);
        Assert.Equal(0, stored.Lease);
        Assert.Null(stored.LastError);
        Assert.Null(stored.CompletedAt);

        var bare = await store.GetAsync(noTimestamp.Id, Ct);
        Assert.NotNull(bare);
        Assert.Null(bare.DeliveryId.Value);
        Assert.False(bare.DeliveryId.IsSigned);
        Assert.Null(bare.EventType.Value);
        Assert.Null(bare.Timestamp);
        Assert.True(bare.Body.IsEmpty);
        Assert.True(bare.Json.IsEmpty);
        Assert.Empty(bare.Headers);
        Assert.Null(await store.GetAsync("no-such-entry", Ct));
    }

    [Fact]
    public async Task Get_AfterAttempts_StateAsRecorded()
    {
        var store = await StoreAsync();
        var entry = NewEntry();
        // One item of a batch: the Json differs from the body.
        var item = new WebhookInboxEntry
        {
            Id = entry.Id,
            Endpoint = entry.Endpoint,
            Scheme = entry.Scheme,
            DeliveryId = entry.DeliveryId,
            EventType = entry.EventType,
            ReplayKey = entry.ReplayKey,
            Body = "[{\"a\":1},{\"b\":2}]"u8.ToArray(),
            Json = "{\"b\":2}"u8.ToArray(),
            Headers = entry.Headers,
            ReceivedAt = entry.ReceivedAt,
            DueAt = entry.DueAt,
        };
        await store.AddAsync([item], Ct);
        var taken = await TakeAsync(store);
        Assert.Equal("{\"b\":2}"u8.ToArray(), taken.Json.ToArray());
        Assert.Equal("[{\"a\":1},{\"b\":2}]"u8.ToArray(), taken.Body.ToArray());
        var completedAt = Now();
        taken.Attempts = 3;
        taken.Status = WebhookInboxStatus.Completed;
        taken.CompletedAt = completedAt;
        taken.LastError = "System.Exception: earlier failure";
        Assert.True(await store.UpdateAsync(taken, Ct));

        var stored = await store.GetAsync(item.Id, Ct);

        Assert.Equal(WebhookInboxStatus.Completed, stored!.Status);
        Assert.Equal(3, stored.Attempts);
        Assert.Equal(completedAt, stored.CompletedAt);
        Assert.Equal("System.Exception: earlier failure", stored.LastError);
        Assert.Equal(1, stored.Lease);
        Assert.Equal("{\"b\":2}"u8.ToArray(), stored.Json.ToArray());
    }

    [Fact]
    public async Task TakeDue_EightConcurrentTakers_EveryEntryTakenExactlyOnce()
    {
        var store = await StoreAsync();
        var ids = new List<string>();
        for (var batch = 0; batch < 20; batch++)
        {
            var entries = Enumerable.Range(0, 10).Select(_ => NewEntry()).ToArray();
            ids.AddRange(entries.Select(e => e.Id));
            await store.AddAsync(entries, Ct);
        }
        var taken = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (await TryTakeAsync(store) is { } entry)
            {
                taken.Add(entry.Id);
                entry.Attempts = 1;
                entry.Status = WebhookInboxStatus.Completed;
                entry.CompletedAt = Now();
                Assert.True(await store.UpdateAsync(entry, Ct));
            }
        }, Ct)));

        Assert.Equal(ids.Order(StringComparer.Ordinal), taken.Order(StringComparer.Ordinal));
        Assert.Equal(new WebhookInboxCounts(0, 0, 0, 200, 0, null), await store.CountAsync(Ct));
    }

    [Fact]
    public async Task Wait_EntryAdded_CompletesBeforeTheTimeout()
    {
        var store = await StoreAsync();
        var watch = Stopwatch.StartNew();
        var waiting = store.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await Task.Delay(100, Ct);
        await store.AddAsync([NewEntry()], Ct);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Wait_NothingHappens_CompletesAfterTheTimeout()
    {
        var store = await StoreAsync();
        var watch = Stopwatch.StartNew();

        await store.WaitAsync(TimeSpan.FromMilliseconds(300), Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task Wait_Cancelled_Throws()
    {
        var store = await StoreAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WaitAsync(TimeSpan.FromSeconds(30), cancel.Token));
    }
}
