using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal.Inbox;

public sealed class InMemoryInboxStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 5, 0, 0, TimeSpan.Zero);

    private static WebhookInboxEntry NewEntry(string id) => new()
    {
        Id = id,
        Endpoint = "/webhooks/standard",
        Scheme = "standard",
        DeliveryId = WebhookValue.FromSigned("msg_" + id),
        EventType = WebhookValue.FromSigned("invoice.paid"),
        ReplayKey = "msg_" + id,
        Body = "{}"u8.ToArray(),
        Json = "{}"u8.ToArray(),
        Headers = [],
        ReceivedAt = Now,
        Status = WebhookInboxStatus.Queued,
        DueAt = Now,
    };

    [Fact]
    public async Task TakenEntry_ChangedByAnAttempt_StoreUnchangedUntilUpdate()
    {
        using var store = new InMemoryInboxStore(TimeProvider.System);
        await store.AddAsync([NewEntry("1")], CancellationToken.None);

        var taken = await store.TakeDueAsync(Now, Now.AddMinutes(1), CancellationToken.None);
        Assert.NotNull(taken);
        taken.Attempts = 1;
        taken.Status = WebhookInboxStatus.Retrying;
        taken.LastError = "System.InvalidOperationException: boom";

        var before = await store.GetAsync("1", CancellationToken.None);
        Assert.Equal(WebhookInboxStatus.Processing, before!.Status);
        Assert.Equal(0, before.Attempts);
        Assert.Null(before.LastError);

        await store.UpdateAsync(taken, CancellationToken.None);
        var after = await store.GetAsync("1", CancellationToken.None);
        Assert.Equal(WebhookInboxStatus.Retrying, after!.Status);
        Assert.Equal(1, after.Attempts);
        Assert.Equal("System.InvalidOperationException: boom", after.LastError);
    }

    [Fact]
    public async Task ListedEntry_ChangedByTheCaller_DoesNotChangeTheStore()
    {
        using var store = new InMemoryInboxStore(TimeProvider.System);
        await store.AddAsync([NewEntry("1"), NewEntry("2")], CancellationToken.None);

        var listed = await store.ListAsync(WebhookInboxStatus.Queued, 10, CancellationToken.None);
        Assert.Equal(["1", "2"], listed.Select(e => e.Id));
        listed[0].Status = WebhookInboxStatus.Completed;

        Assert.Equal(2, (await store.ListAsync(WebhookInboxStatus.Queued, 10, CancellationToken.None)).Count);
        var taken = await store.TakeDueAsync(Now, Now.AddMinutes(1), CancellationToken.None);
        Assert.Equal("1", taken!.Id);
    }

    [Fact]
    public async Task TakeDue_EntryLeased_NotHandedOutTwiceUntilTheLeaseEnds()
    {
        using var store = new InMemoryInboxStore(TimeProvider.System);
        await store.AddAsync([NewEntry("1")], CancellationToken.None);

        Assert.NotNull(await store.TakeDueAsync(Now, Now.AddMinutes(1), CancellationToken.None));
        Assert.Null(await store.TakeDueAsync(Now.AddSeconds(59), Now.AddMinutes(2), CancellationToken.None));
        Assert.NotNull(await store.TakeDueAsync(Now.AddMinutes(1), Now.AddMinutes(2), CancellationToken.None));
    }

    [Fact]
    public async Task Update_FromAnAttemptWhoseLeaseWasTakenOver_Ignored()
    {
        using var store = new InMemoryInboxStore(TimeProvider.System);
        await store.AddAsync([NewEntry("1")], CancellationToken.None);
        var slow = await store.TakeDueAsync(Now, Now.AddMinutes(1), CancellationToken.None);
        var second = await store.TakeDueAsync(Now.AddMinutes(1), Now.AddMinutes(2), CancellationToken.None);

        second!.Attempts = 1;
        second.LastError = null;
        second.Status = WebhookInboxStatus.Completed;
        second.CompletedAt = Now.AddMinutes(1);
        await store.UpdateAsync(second, CancellationToken.None);
        slow!.Attempts = 1;
        slow.Status = WebhookInboxStatus.Retrying;
        slow.LastError = "System.TimeoutException: too slow";
        await store.UpdateAsync(slow, CancellationToken.None);

        var stored = await store.GetAsync("1", CancellationToken.None);
        Assert.Equal(WebhookInboxStatus.Completed, stored!.Status);
        Assert.Null(stored.LastError);
        Assert.Null(await store.TakeDueAsync(Now.AddHours(1), Now.AddHours(2), CancellationToken.None));
    }
}
