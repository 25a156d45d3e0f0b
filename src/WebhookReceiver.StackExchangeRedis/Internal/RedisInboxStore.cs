using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WebhookReceiver.Internal;

/// <summary>
/// The durable inbox store on Redis Streams. Accepting a delivery writes, in one script, a hash per entry (its data and
/// state), its place in the status index and one message in the stream (<c>XADD</c>). Every instance reads the stream as
/// one consumer (machine name, process id and a random suffix) of the application's consumer group: new messages with
/// <c>XREADGROUP &gt;</c>, messages of a consumer that died with <c>XAUTOCLAIM</c> once idle for the lease. The hash's
/// lease counter fences a late attempt off. An attempt's outcome is written before its message is acknowledged and
/// deleted (<c>XACK</c>, <c>XDEL</c>: the stream holds only pending messages); a retry waits in a due-time sorted set and
/// goes back into the stream (<c>XADD</c>) when due. Completed entries stay for the retention (trimmed by completion
/// time), dead letters until requeued or purged. Each transition is one Lua script (by SHA after the first call);
/// new and requeued entries are announced on a pub/sub channel so idle processors wake up at once. Every call is
/// bounded by <see cref="RedisInboxStoreOptions.Timeout"/> and honours its cancellation token.
/// </summary>
internal sealed class RedisInboxStore : IWebhookInboxStore, IAsyncDisposable, IDisposable
{
    private const int Batch = 500;
    private const long AnnounceInterval = 5; // ms
    private const long Never = long.MinValue / 2; // a tick count so old that "now - Never" cannot overflow
    private static readonly TimeSpan TrimInterval = TimeSpan.FromSeconds(1);

    private readonly RedisInboxStoreOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly string _group;
    private readonly string _prefix;
    private readonly RedisKey[] _keys;
    private readonly RedisChannel _channel;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly RedisInboxAddQueue _adds;
    private readonly Lock _gate = new();
    private Task<IDatabase>? _database;
    private IConnectionMultiplexer? _connection;
    private bool _ownsConnection;
    private bool _disposed;
    private int _subscribed;
    private long _lastTrim = long.MinValue;
    private long _lastAnnounced = Never;
    private long _lastIdleScan = Never;
    private volatile bool _groupReady;
    private volatile bool _scanAgain;
    private long _idleScans;
    private DateTimeOffset _lastTrimCutOff;
    private bool _lastTrimFull;

    public RedisInboxStore(IOptions<RedisInboxStoreOptions> options, ILogger<RedisInboxStore> logger, TimeProvider time)
    {
        _options = options.Value;
        _logger = logger;
        _time = time;
        _timeout = _options.Timeout;
        _group = _options.ConsumerGroup ?? RedisInboxStoreOptionsSetup.DefaultConsumerGroup;
        Consumer = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}:{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        var root = $"{_options.InstanceName}inbox:{{{_group}}}:";
        _prefix = root + "e:";
        _keys = [root + "stream", root + "due", root + "queued", root + "processing", root + "retrying", root + "completed", root + "dead", root + "completed-at"];
        _channel = RedisChannel.Literal(root + "notify");
        _adds = new RedisInboxAddQueue(WriteAsync);
    }

    /// <summary>This instance's consumer name in the group.</summary>
    internal string Consumer { get; }

    /// <summary>The stream's key.</summary>
    internal RedisKey StreamKey => _keys[0];

    /// <summary>The key of an entry's hash.</summary>
    internal RedisKey EntryKey(string id) => _prefix + id;

    public async ValueTask AddAsync(IReadOnlyList<WebhookInboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
            return;
        cancellationToken.ThrowIfCancellationRequested();
        // Cancelled while its call is under way, the entries may still be stored: unacknowledged, as after a timeout.
        await _adds.AddAsync(entries).WaitAsync(cancellationToken);
        Signal();
    }

    /// <summary>The adds of concurrent callers, in one script call (see <see cref="RedisInboxAddQueue"/>).</summary>
    private async Task WriteAsync(IReadOnlyList<WebhookInboxEntry> entries)
    {
        var keys = new RedisKey[_keys.Length + entries.Count];
        _keys.CopyTo(keys, 0);
        var args = new List<RedisValue>(1 + (entries.Count * 20)) { Announce() ? _channel.ToString() : "" };
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            keys[_keys.Length + i] = EntryKey(entry.Id);
            var fields = RedisInboxEntryCodec.Encode(entry);
            args.Add(entry.Id);
            args.Add(RedisInboxEntryCodec.ScoreText(entry.ReceivedAt));
            args.Add(fields.Count);
            args.AddRange(fields);
        }
        var values = args.ToArray();
        await CallAsync(db => db.ScriptEvaluateAsync(RedisInboxScripts.Add, keys, values), "add", CancellationToken.None);
    }

    /// <summary>The group commit of adds, for tests.</summary>
    internal RedisInboxAddQueue Adds => _adds;

    /// <summary>How many takes looked for messages idle past the lease, for tests.</summary>
    internal long IdleScans => Interlocked.Read(ref _idleScans);

    public async ValueTask<WebhookInboxEntry?> TakeDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var minIdle = Math.Max(1, (long)Math.Ceiling((leaseUntil - now).TotalMilliseconds));
        var createGroup = !_groupReady;
        var scanIdle = ScanIdle(minIdle);
        RedisValue[] args =
        [
            _prefix, _group, Consumer, RedisInboxEntryCodec.ScoreText(now), RedisInboxEntryCodec.Ticks(leaseUntil),
            minIdle, RedisInboxEntryCodec.Ticks(now), WebhookInboxEntry.LeaseRanOutError, createGroup ? "1" : "0", scanIdle ? "1" : "0",
        ];
        RedisResult result;
        try
        {
            result = await CallAsync(db => db.ScriptEvaluateAsync(RedisInboxScripts.Take, _keys, args), "take", cancellationToken);
        }
        catch
        {
            _groupReady = false; // the stream may have been deleted with its group: the next take creates it again
            throw;
        }
        _groupReady = true;
        var entry = RedisInboxEntryCodec.Decode(result);
        if (scanIdle)
            _scanAgain = entry is not null && RedisInboxEntryCodec.IsTakeOver(result); // more may be behind it: look again at once
        return entry;
    }

    /// <summary>
    /// Whether this take looks for messages idle past the lease (a consumer that died): a few times per lease (at least
    /// every second), and again at once after one that took something, rather than on every take.
    /// </summary>
    private bool ScanIdle(long leaseMilliseconds)
    {
        var tick = Environment.TickCount64;
        var interval = Math.Clamp(leaseMilliseconds / 4, 10, 1000);
        if (!_scanAgain && tick - Volatile.Read(ref _lastIdleScan) < interval)
            return false;
        Volatile.Write(ref _lastIdleScan, tick);
        Interlocked.Increment(ref _idleScans);
        return true;
    }

    /// <summary>
    /// Whether this add announces itself on the channel: at most every few milliseconds, which wakes the other instances'
    /// idle processors (they then read until the stream is empty); this instance's own is woken in process.
    /// </summary>
    private bool Announce()
    {
        var tick = Environment.TickCount64;
        var last = Volatile.Read(ref _lastAnnounced);
        return tick - last >= AnnounceInterval && Interlocked.CompareExchange(ref _lastAnnounced, tick, last) == last;
    }

    public async ValueTask<bool> RenewAsync(WebhookInboxEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        RedisKey[] keys = [StreamKey, EntryKey(entry.Id)];
        RedisValue[] args = [_group, Consumer, entry.Lease, RedisInboxEntryCodec.Ticks(leaseUntil)];
        var result = await CallAsync(db => db.ScriptEvaluateAsync(RedisInboxScripts.Renew, keys, args), "renew", cancellationToken);
        return (int)result == 1;
    }

    public async ValueTask<bool> UpdateAsync(WebhookInboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        RedisValue[] args =
        [
            _group, entry.Id, entry.Lease, (int)entry.Status, entry.Attempts,
            RedisInboxEntryCodec.Ticks(entry.DueAt), RedisInboxEntryCodec.ScoreText(entry.DueAt),
            entry.LastError is null ? "0" : "1", entry.LastError ?? "",
            entry.CompletedAt is { } done ? RedisInboxEntryCodec.Ticks(done) : "",
            entry.CompletedAt is { } at ? RedisInboxEntryCodec.ScoreText(at) : "0",
            _channel.ToString(),
        ];
        var keys = WithEntry(entry.Id);
        var result = await CallAsync(db => db.ScriptEvaluateAsync(RedisInboxScripts.Update, keys, args), "update", cancellationToken);
        if (entry.Status == WebhookInboxStatus.Queued)
            Signal();
        return (int)result == 1;
    }

    public async ValueTask<WebhookInboxEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = EntryKey(id);
        var hash = await CallAsync(db => db.HashGetAllAsync(key), "get", cancellationToken);
        return RedisInboxEntryCodec.Decode(hash);
    }

    public async ValueTask<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxStatus? status, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
            return [];
        return await CallAsync(db => ListCoreAsync(db, status, max), "list", cancellationToken);
    }

    private async Task<IReadOnlyList<WebhookInboxEntry>> ListCoreAsync(IDatabase db, WebhookInboxStatus? status, int max)
    {
        string[] ids;
        if (status is { } only)
        {
            ids = Array.ConvertAll(await db.SortedSetRangeByRankAsync(IndexKey(only), 0, max - 1), v => (string)v!);
        }
        else
        {
            var ranges = new Task<SortedSetEntry[]>[5];
            for (var i = 0; i < ranges.Length; i++)
                ranges[i] = db.SortedSetRangeByRankWithScoresAsync(IndexKey((WebhookInboxStatus)i), 0, max - 1);
            await Task.WhenAll(ranges);
            ids = ranges.SelectMany(r => r.Result)
                .OrderBy(e => e.Score)
                .ThenBy(e => (string)e.Element!, StringComparer.Ordinal)
                .Take(max)
                .Select(e => (string)e.Element!)
                .ToArray();
        }
        var hashes = await Task.WhenAll(ids.Select(id => db.HashGetAllAsync(EntryKey(id))));
        var entries = new List<WebhookInboxEntry>(ids.Length);
        foreach (var hash in hashes)
        {
            if (RedisInboxEntryCodec.Decode(hash) is { } entry && (status is null || entry.Status == status))
                entries.Add(entry);
        }
        return entries;
    }

    public async ValueTask<WebhookInboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        RedisValue[] args = [_prefix];
        var result = await CallAsync(db => db.ScriptEvaluateAsync(RedisInboxScripts.Count, _keys, args), "count", cancellationToken);
        var values = (RedisResult[])result!;
        DateTimeOffset? oldest = values[5].IsNull ? null : new DateTimeOffset((long)values[5], TimeSpan.Zero);
        return new WebhookInboxCounts((long)values[0], (long)values[1], (long)values[2], (long)values[3], (long)values[4], oldest);
    }

    public async ValueTask<WebhookInboxOperationResult> RescheduleAsync(string id, bool resetAttempts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        RedisValue[] args = [id, resetAttempts ? "1" : "0", RedisInboxEntryCodec.Ticks(now), _channel.ToString(), WebhookInboxEntry.LeaseRanOutError];
        var keys = WithEntry(id);
        var result = await CallAsync(db => db.ScriptEvaluateAsync(RedisInboxScripts.Reschedule, keys, args), "reschedule", cancellationToken);
        var outcome = ToResult((int)result);
        if (outcome == WebhookInboxOperationResult.Done)
            Signal();
        return outcome;
    }

    public async ValueTask<WebhookInboxOperationResult> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        RedisValue[] args = [id];
        var keys = WithEntry(id);
        var result = await CallAsync(db => db.ScriptEvaluateAsync(RedisInboxScripts.Delete, keys, args), "delete", cancellationToken);
        return ToResult((int)result);
    }

    public async ValueTask<long> PurgeAsync(WebhookInboxStatus status, CancellationToken cancellationToken)
    {
        if (status is not (WebhookInboxStatus.Completed or WebhookInboxStatus.Dead))
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only completed entries and dead letters can be purged.");
        RedisValue[] args = [_prefix, (int)status, Batch];
        long total = 0;
        while (true)
        {
            var removed = (long)await CallAsync(db => db.ScriptEvaluateAsync(RedisInboxScripts.Purge, _keys, args), "purge", cancellationToken);
            total += removed;
            if (removed < Batch)
                return total;
        }
    }

    /// <summary>
    /// Removes up to one batch of entries completed before the cut-off. The processor calls this before every take, so a
    /// call within a second of the last one (by the clock and the cut-off) that left nothing behind is skipped.
    /// </summary>
    public async ValueTask TrimAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken)
    {
        var tick = Environment.TickCount64;
        if (!_lastTrimFull && tick - Volatile.Read(ref _lastTrim) < (long)TrimInterval.TotalMilliseconds && completedBefore - _lastTrimCutOff < TrimInterval)
            return;
        RedisValue[] args = [_prefix, RedisInboxEntryCodec.ScoreText(completedBefore), Batch];
        var removed = (long)await CallAsync(db => db.ScriptEvaluateAsync(RedisInboxScripts.Trim, _keys, args), "trim", cancellationToken);
        _lastTrimCutOff = completedBefore;
        _lastTrimFull = removed >= Batch;
        Volatile.Write(ref _lastTrim, tick);
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureSubscribed();
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Subscribes to the notifications once connected (best effort: without them the processor polls).</summary>
    private void EnsureSubscribed()
    {
        if (Volatile.Read(ref _subscribed) != 0 || Interlocked.CompareExchange(ref _subscribed, 1, 0) != 0)
            return;
        _ = SubscribeAsync();
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await GetDatabaseAsync().WaitAsync(_timeout);
            var connection = Volatile.Read(ref _connection);
            ObjectDisposedException.ThrowIf(connection is null, this);
            // StackExchange.Redis restores the subscription after a reconnect.
            await connection.GetSubscriber().SubscribeAsync(_channel, (_, _) => Signal()).WaitAsync(_timeout);
        }
        catch (Exception e)
        {
            Volatile.Write(ref _subscribed, 0);
            if (e is not ObjectDisposedException)
                RedisInboxStoreLog.SubscribeFailed(_logger, e);
        }
    }

    // At most one wake-up pending: a burst of deliveries wakes the processor once.
    private void Signal()
    {
        try
        {
            if (_signal.CurrentCount == 0)
                _signal.Release();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private RedisKey IndexKey(WebhookInboxStatus status) => _keys[2 + (int)status];

    private RedisKey[] WithEntry(string id)
    {
        var keys = new RedisKey[_keys.Length + 1];
        _keys.CopyTo(keys, 0);
        keys[^1] = EntryKey(id);
        return keys;
    }

    private static WebhookInboxOperationResult ToResult(int result) => result switch
    {
        1 => WebhookInboxOperationResult.Done,
        0 => WebhookInboxOperationResult.WrongStatus,
        _ => WebhookInboxOperationResult.NotFound,
    };

    private async Task<T> CallAsync<T>(Func<IDatabase, Task<T>> operation, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = RunAsync(operation);
        try
        {
            return await call.WaitAsync(_timeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !call.IsCompleted)
        {
            Observe(call);
            if (e is TimeoutException)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"The Redis inbox store did not answer the {name} within {_timeout.TotalMilliseconds} ms (RedisInboxStoreOptions.Timeout)."));
            }
            throw;
        }
    }

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> operation) => await operation(await GetDatabaseAsync());

    private static void Observe(Task task)
        => task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private Task<IDatabase> GetDatabaseAsync()
    {
        var database = Volatile.Read(ref _database);
        if (database is { IsFaulted: false, IsCanceled: false })
            return database;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_database is null || _database.IsFaulted || _database.IsCanceled)
                _database = ConnectAsync();
            return _database;
        }
    }

    /// <summary>
    /// Connects as the nonce store does: a multiplexer of its own keeps reconnecting after a failed first connect and fails
    /// commands at once while disconnected (503 at once); one from the factory (the nonce store's) is used as it is.
    /// </summary>
    private async Task<IDatabase> ConnectAsync()
    {
        IConnectionMultiplexer connection;
        var owned = _options.ConnectionMultiplexerFactory is null;
        try
        {
            if (owned)
            {
                var configuration = _options.ConfigurationOptions?.Clone() ?? ConfigurationOptions.Parse(_options.Configuration!);
                configuration.AbortOnConnectFail = false;
                configuration.BacklogPolicy = BacklogPolicy.FailFast;
                connection = await ConnectionMultiplexer.ConnectAsync(configuration);
            }
            else
            {
                connection = await _options.ConnectionMultiplexerFactory!();
            }
        }
        catch (Exception e)
        {
            RedisInboxStoreLog.ConnectFailed(_logger, e);
            throw;
        }
        lock (_gate)
        {
            if (!_disposed)
            {
                _connection = connection;
                _ownsConnection = owned;
                RedisInboxStoreLog.Connected(_logger, Consumer, _group);
                return connection.GetDatabase();
            }
        }
        if (owned)
            await connection.DisposeAsync();
        throw new ObjectDisposedException(nameof(RedisInboxStore));
    }

    public async ValueTask DisposeAsync()
    {
        var connection = TakeConnection(out var owned);
        if (connection is not null)
        {
            await UnsubscribeAsync(connection);
            if (owned)
                await connection.DisposeAsync();
        }
    }

    public void Dispose()
    {
        var connection = TakeConnection(out var owned);
        if (connection is not null && owned)
            connection.Dispose();
    }

    private async Task UnsubscribeAsync(IConnectionMultiplexer connection)
    {
        if (Volatile.Read(ref _subscribed) == 0 || !connection.IsConnected)
            return;
        try
        {
            await connection.GetSubscriber().UnsubscribeAsync(_channel).WaitAsync(_timeout);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
        }
    }

    private IConnectionMultiplexer? TakeConnection(out bool owned)
    {
        lock (_gate)
        {
            var connection = _disposed ? null : _connection;
            _disposed = true;
            owned = _ownsConnection;
            _connection = null;
            return connection;
        }
    }
}
