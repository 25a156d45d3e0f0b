namespace WebhookReceiver.Internal;

/// <summary>
/// Group commit for accepted deliveries: while one add script is on its way to Redis, the adds that arrive meanwhile
/// wait and then go together in the next call (up to <see cref="MaxEntries"/> entries). Under load this turns one
/// script call per request into one per round trip; when idle an add is written at once. Each caller's entries stay in
/// one call, so a delivery's events are still stored all or none; a call that fails fails every caller in it, each of
/// which answers 503 and stores nothing it acknowledged.
/// </summary>
internal sealed class RedisInboxAddQueue(Func<IReadOnlyList<WebhookInboxEntry>, Task> write)
{
    /// <summary>The most entries one call carries (a single caller with more is written alone).</summary>
    public const int MaxEntries = 100;

    private readonly Lock _gate = new();
    private List<Pending> _pending = [];
    private bool _writing;

    /// <summary>The number of script calls made, for tests.</summary>
    internal int Calls { get; private set; }

    /// <summary>Stores <paramref name="entries"/>; completes when the call carrying them has.</summary>
    public Task AddAsync(IReadOnlyList<WebhookInboxEntry> entries)
    {
        var pending = new Pending(entries);
        bool start;
        lock (_gate)
        {
            _pending.Add(pending);
            start = !_writing;
            _writing = true;
        }
        if (start)
            _ = WriteLoopAsync();
        return pending.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = TakeBatch();
            }
            try
            {
                Calls++;
                await write(batch.Count == 1 ? batch[0].Entries : batch.SelectMany(p => p.Entries).ToList());
                foreach (var pending in batch)
                    pending.Done.TrySetResult();
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                    pending.Done.TrySetException(e);
            }
        }
    }

    // Under the gate: the oldest callers whose entries fit in one call (always at least the first).
    private List<Pending> TakeBatch()
    {
        var count = 0;
        var entries = 0;
        while (count < _pending.Count && (count == 0 || entries + _pending[count].Entries.Count <= MaxEntries))
            entries += _pending[count++].Entries.Count;
        if (count == _pending.Count)
        {
            var all = _pending;
            _pending = [];
            return all;
        }
        var batch = _pending.GetRange(0, count);
        _pending.RemoveRange(0, count);
        return batch;
    }

    private sealed class Pending(IReadOnlyList<WebhookInboxEntry> entries)
    {
        public IReadOnlyList<WebhookInboxEntry> Entries { get; } = entries;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
