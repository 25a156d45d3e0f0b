namespace WebhookReceiver.Tests.Infrastructure;

/// <summary>A nonce store that records calls, claims everything, and can be "down" (every call throws).</summary>
public sealed class RecordingStore : IWebhookNonceStore
{
    private long _token;

    public bool Down { get; set; }

    public List<string> Calls { get; } = [];

    public ValueTask<NonceClaimResult> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        lock (Calls)
            Calls.Add("claim " + key);
        return ValueTask.FromResult(NonceClaimResult.Claimed(Interlocked.Increment(ref _token)));
    }

    public ValueTask CompleteAsync(string key, long token, TimeSpan retention, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        lock (Calls)
            Calls.Add("complete " + key);
        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(string key, long token, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        lock (Calls)
            Calls.Add("release " + key);
        return ValueTask.CompletedTask;
    }

    private void ThrowIfDown()
    {
        if (Down)
            throw new TimeoutException("nonce store unreachable (test)");
    }
}
