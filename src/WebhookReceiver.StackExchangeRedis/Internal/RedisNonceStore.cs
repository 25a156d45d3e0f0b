using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace WebhookReceiver.Internal;

/// <summary>
/// The nonce store shared by every instance: one key per delivery, <c>{InstanceName}{scheme}:{deliveryId}</c>, holding the
/// claim's token while in flight (expiring with the lease) and the completed marker afterwards (expiring with the retention).
/// Every command touches one key (Cluster-safe); claim and release are atomic Lua scripts, complete is a plain <c>SET PX</c>.
/// One multiplexer is created lazily and shared; a failed connect is retried by the next call, and StackExchange.Redis
/// reconnects by itself afterwards. Every call is bounded by <see cref="RedisNonceStoreOptions.Timeout"/>.
/// </summary>
internal sealed class RedisNonceStore : IWebhookNonceStore, IAsyncDisposable, IDisposable
{
    /// <summary>The value of a completed key; claims hold their token, a decimal number.</summary>
    internal const string CompletedMarker = "c";

    /// <summary>Claims the key unless it exists; answers nil when claimed, the value found otherwise.</summary>
    private const string ClaimScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
        return redis.call('GET', KEYS[1])
        """;

    /// <summary>Deletes the key only while it still holds our token (compare-and-delete).</summary>
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly RedisNonceStoreOptions _options;
    private readonly ILogger _logger;
    private readonly TimeSpan _timeout;
    private readonly Lock _gate = new();
    private Task<IDatabase>? _database;
    private IConnectionMultiplexer? _connection;
    private bool _ownsConnection;
    private bool _disposed;
    private long _nextToken = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & (long.MaxValue >> 1);

    public RedisNonceStore(IOptions<RedisNonceStoreOptions> options, ILogger<RedisNonceStore> logger)
    {
        _options = options.Value;
        _logger = logger;
        _timeout = _options.Timeout;
    }

    public async ValueTask<NonceClaimResult> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        var token = Interlocked.Increment(ref _nextToken);
        var claim = ClaimCoreAsync(key, token, lease);
        try
        {
            return await claim.WaitAsync(_timeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !claim.IsCompleted)
        {
            // The claim may still land after we gave up: give it back so the provider's retry is not refused for a lease.
            _ = ReleaseLateClaimAsync(claim, key, token);
            if (e is TimeoutException)
                throw TimedOut("claim", key);
            throw;
        }
    }

    public ValueTask CompleteAsync(string key, long token, TimeSpan retention, CancellationToken cancellationToken)
        => BoundAsync(CompleteCoreAsync(key, retention), "complete", key, cancellationToken);

    public ValueTask ReleaseAsync(string key, long token, CancellationToken cancellationToken)
        => BoundAsync(ReleaseCoreAsync(key, token), "release", key, cancellationToken);

    /// <summary>Sends <c>PING</c> within the timeout and answers the round trip; used by the health check.</summary>
    internal async ValueTask<TimeSpan> PingAsync(CancellationToken cancellationToken)
    {
        var ping = PingCoreAsync();
        try
        {
            return await ping.WaitAsync(_timeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !ping.IsCompleted)
        {
            Observe(ping);
            if (e is TimeoutException)
                throw TimedOut("PING", "(no key)");
            throw;
        }
    }

    internal TimeSpan Timeout => _timeout;

    private async Task<NonceClaimResult> ClaimCoreAsync(string key, long token, TimeSpan lease)
    {
        var database = await GetDatabaseAsync();
        var existing = await database.ScriptEvaluateAsync(ClaimScript, [key], [token, ToMilliseconds(lease)]);
        if (existing.IsNull)
            return NonceClaimResult.Claimed(token);
        return (string?)existing == CompletedMarker ? NonceClaimResult.Completed : NonceClaimResult.InFlight;
    }

    private async Task CompleteCoreAsync(string key, TimeSpan retention)
    {
        var database = await GetDatabaseAsync();
        await database.StringSetAsync(key, CompletedMarker, TimeSpan.FromMilliseconds(ToMilliseconds(retention)));
    }

    private async Task ReleaseCoreAsync(string key, long token)
    {
        var database = await GetDatabaseAsync();
        await database.ScriptEvaluateAsync(ReleaseScript, [key], [token]);
    }

    private async Task<TimeSpan> PingCoreAsync()
    {
        var database = await GetDatabaseAsync();
        return await database.PingAsync();
    }

    private async Task ReleaseLateClaimAsync(Task<NonceClaimResult> claim, string key, long token)
    {
        try
        {
            if ((await claim).Status == NonceClaimStatus.Claimed)
                await ReleaseCoreAsync(key, token);
        }
        catch (Exception e)
        {
            RedisNonceStoreLog.LateReleaseFailed(_logger, e, key);
        }
    }

    private async ValueTask BoundAsync(Task call, string operation, string key, CancellationToken cancellationToken)
    {
        try
        {
            await call.WaitAsync(_timeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !call.IsCompleted)
        {
            Observe(call);
            if (e is TimeoutException)
                throw TimedOut(operation, key);
            throw;
        }
    }

    private TimeoutException TimedOut(string operation, string key) => new(string.Create(CultureInfo.InvariantCulture,
        $"The Redis nonce store did not answer the {operation} of '{key}' within {_timeout.TotalMilliseconds} ms (RedisNonceStoreOptions.Timeout)."));

    private static void Observe(Task task)
        => task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static long ToMilliseconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalMilliseconds));

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

    private async Task<IDatabase> ConnectAsync()
    {
        IConnectionMultiplexer connection;
        var owned = _options.ConnectionMultiplexerFactory is null;
        try
        {
            connection = owned
                ? await ConnectionMultiplexer.ConnectAsync(CreateConfiguration())
                : await _options.ConnectionMultiplexerFactory!();
        }
        catch (Exception e)
        {
            RedisNonceStoreLog.ConnectFailed(_logger, e);
            throw;
        }
        if (_options.ProfilingSession is { } profiling)
            connection.RegisterProfiler(profiling);
        connection.ConnectionFailed += OnConnectionFailed;
        connection.ConnectionRestored += OnConnectionRestored;
        lock (_gate)
        {
            if (!_disposed)
            {
                _connection = connection;
                _ownsConnection = owned;
                var database = connection.GetDatabase();
                return string.IsNullOrEmpty(_options.InstanceName) ? database : database.WithKeyPrefix(_options.InstanceName);
            }
        }
        await DisconnectAsync(connection, owned);
        throw new ObjectDisposedException(nameof(RedisNonceStore));
    }

    /// <summary>
    /// The configured options with two overrides: the multiplexer is returned even when the first connect fails (it keeps
    /// reconnecting in the background), and commands fail at once while disconnected instead of queueing, so deliveries are
    /// answered 503 immediately rather than after the timeout.
    /// </summary>
    private ConfigurationOptions CreateConfiguration()
    {
        var configuration = _options.ConfigurationOptions?.Clone() ?? ConfigurationOptions.Parse(_options.Configuration!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return configuration;
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
        => RedisNonceStoreLog.ConnectionFailed(_logger, e.Exception, e.ConnectionType, e.EndPoint?.ToString(), e.FailureType);

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
        => RedisNonceStoreLog.ConnectionRestored(_logger, e.ConnectionType, e.EndPoint?.ToString());

    public async ValueTask DisposeAsync()
    {
        if (TakeConnection(out var owned) is { } connection)
            await DisconnectAsync(connection, owned);
    }

    public void Dispose()
    {
        if (TakeConnection(out var owned) is { } connection)
        {
            Unsubscribe(connection);
            if (owned)
                connection.Dispose();
        }
    }

    private IConnectionMultiplexer? TakeConnection(out bool owned)
    {
        lock (_gate)
        {
            _disposed = true;
            var connection = _connection;
            owned = _ownsConnection;
            _connection = null;
            return connection;
        }
    }

    private async ValueTask DisconnectAsync(IConnectionMultiplexer connection, bool owned)
    {
        Unsubscribe(connection);
        if (owned)
            await connection.DisposeAsync();
    }

    private void Unsubscribe(IConnectionMultiplexer connection)
    {
        connection.ConnectionFailed -= OnConnectionFailed;
        connection.ConnectionRestored -= OnConnectionRestored;
    }
}
