using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace WebhookReceiver.Replay;

/// <summary>
/// The default nonce store for one instance: a lock-free dictionary whose entries are claimed and taken over with
/// compare-and-swap and completed in place (one allocation per delivery), bounded in size, expired entries swept on a
/// timer from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class InMemoryNonceStore : IWebhookNonceStore, IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries;
    private readonly TimeProvider _time;
    private readonly int _maxEntries;
    private readonly long _maxBytes;
    private readonly ITimer _sweeper;
    private long _nextToken = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue;
    private int _count;
    private long _bytes;

    public InMemoryNonceStore(TimeProvider time, IOptions<InMemoryNonceStoreOptions> options)
    {
        _time = time;
        _maxEntries = options.Value.MaxEntries;
        _maxBytes = options.Value.MaxBytes;
        var capacity = Math.Clamp(options.Value.InitialCapacity, 0, _maxEntries);
        _entries = capacity > 0 ? new(-1, capacity, StringComparer.Ordinal) : new(StringComparer.Ordinal);
        var interval = options.Value.SweepInterval;
        _sweeper = time.CreateTimer(static state => ((InMemoryNonceStore)state!).Sweep(), this, interval, interval);
    }

    internal int Count => Volatile.Read(ref _count);

    /// <summary>The bytes the kept keys are counted at (see <see cref="InMemoryNonceStoreOptions.MaxBytes"/>).</summary>
    internal long Bytes => Interlocked.Read(ref _bytes);

    private static long SizeOf(string key) => InMemoryNonceStoreOptions.EntryOverheadBytes + 2L * key.Length;

    private bool IsFull(string key) => Volatile.Read(ref _count) >= _maxEntries || Interlocked.Read(ref _bytes) + SizeOf(key) > _maxBytes;

    private void Added(string key)
    {
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _bytes, SizeOf(key));
    }

    private void Removed(string key)
    {
        Interlocked.Decrement(ref _count);
        Interlocked.Add(ref _bytes, -SizeOf(key));
    }

    public ValueTask<NonceClaimResult> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now();
        var token = Interlocked.Increment(ref _nextToken);
        var claim = new Entry(token, now + lease.Ticks);
        while (true)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                var completed = existing.Completed;   // the flag first: see Entry
                if (existing.ExpiresAt > now)
                    return ValueTask.FromResult(completed ? NonceClaimResult.Completed : NonceClaimResult.InFlight);
                if (_entries.TryUpdate(key, claim, existing))
                    return ValueTask.FromResult(NonceClaimResult.Claimed(token));
                continue;
            }
            if (IsFull(key))
            {
                Sweep();
                if (IsFull(key))
                    throw new InvalidOperationException(
                        $"The in-memory nonce store is full ({_maxEntries} keys or {_maxBytes} bytes); raise InMemoryNonceStoreOptions.MaxEntries or MaxBytes, or use a shared store.");
            }
            if (_entries.TryAdd(key, claim))
            {
                Added(key);
                return ValueTask.FromResult(NonceClaimResult.Claimed(token));
            }
        }
    }

    public ValueTask CompleteAsync(string key, long token, TimeSpan retention, CancellationToken cancellationToken)
    {
        var expiresAt = Now() + retention.Ticks;
        // The owner completes its own entry in place; the entry is re-read afterwards in case a sweep took it meanwhile.
        if (_entries.TryGetValue(key, out var owned) && owned.Token == token)
        {
            owned.MarkCompleted(expiresAt);
            if (_entries.TryGetValue(key, out var again) && ReferenceEquals(again, owned))
                return ValueTask.CompletedTask;
        }
        var completed = new Entry(token, expiresAt);
        completed.MarkCompleted(expiresAt);
        while (true)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                if (_entries.TryUpdate(key, completed, existing))
                    break;
            }
            else if (_entries.TryAdd(key, completed))
            {
                Added(key);
                break;
            }
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(string key, long token, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var existing) && existing.Token == token && !existing.Completed
            && _entries.TryRemove(new KeyValuePair<string, Entry>(key, existing)))
        {
            Removed(key);
        }
        return ValueTask.CompletedTask;
    }

    internal void Sweep()
    {
        var now = Now();
        foreach (var pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now && _entries.TryRemove(pair))
                Removed(pair.Key);
        }
    }

    public void Dispose() => _sweeper.Dispose();

    private long Now() => _time.GetUtcNow().UtcTicks;

    /// <summary>
    /// A claim. Completion writes the new expiry, then the flag (both volatile), so a reader that sees the flag also
    /// sees the retention; one that does not still sees an unexpired in-flight lease.
    /// </summary>
    private sealed class Entry(long token, long expiresAt)
    {
        private long _expiresAt = expiresAt;
        private int _completed;

        public long Token { get; } = token;

        public bool Completed => Volatile.Read(ref _completed) == 1;

        public long ExpiresAt => Volatile.Read(ref _expiresAt);

        public void MarkCompleted(long expiresAt)
        {
            Volatile.Write(ref _expiresAt, expiresAt);
            Volatile.Write(ref _completed, 1);
        }
    }
}
