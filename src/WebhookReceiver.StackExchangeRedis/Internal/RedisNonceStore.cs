using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace WebhookReceiver.Internal;

/// <summary>
/// The nonce store shared by every instance: one key per verified event, <c>{InstanceName}{scheme}:{replayKey}</c>, holding the
/// claim's token while in flight (expiring with the lease) and the completed marker afterwards (expiring with the retention).
/// Every command touches one key (Cluster-safe): claim is <c>SET key token NX PX lease GET</c> where every primary has it
/// (Redis 7.0+, Valkey, Garnet) and an atomic Lua script on older servers; release is a Lua compare-and-delete; complete
/// is a plain <c>SET PX</c>. Scripts go by SHA (<c>EVALSHA</c>); StackExchange.Redis sends <c>SCRIPT LOAD</c> and
/// <c>EVAL</c> again after a <c>NOSCRIPT</c>. One multiplexer is shared: <see cref="WarmUpAsync"/> connects it and prepares
/// it at start-up, otherwise the first call creates it; a failed connect is retried by the next call, and
/// StackExchange.Redis reconnects by itself afterwards (each restored connection is prepared again). Every call is
/// bounded by <see cref="RedisNonceStoreOptions.Timeout"/>.
/// </summary>
internal sealed class RedisNonceStore : IWebhookNonceStore, IAsyncDisposable, IDisposable
{
    /// <summary>The value of a completed key; claims hold their token, a decimal number.</summary>
    internal const string CompletedMarker = "c";

    /// <summary>The key the warm-up sends its commands to, under the prefix; nothing ever writes it.</summary>
    internal const string WarmUpKey = "webhooks-receiver:warm-up";

    /// <summary>Claims the key unless it exists; answers nil when claimed, the value found otherwise (servers before Redis 7.0).</summary>
    private const string ClaimScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
        return redis.call('GET', KEYS[1])
        """;

    /// <summary>Deletes the key only while it still holds our token (compare-and-delete).</summary>
    internal const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>The claim command is not chosen yet (not connected): the script, which every server runs, is used meanwhile.</summary>
    private const int UnknownClaim = 0;

    /// <summary>Claim with <c>SET NX PX GET</c>.</summary>
    private const int SetClaim = 1;

    /// <summary>Claim with <see cref="ClaimScript"/>.</summary>
    private const int ScriptClaim = 2;

    private readonly RedisNonceStoreOptions _options;
    private readonly ILogger _logger;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _connectTimeout;
    private readonly Lock _gate = new();
    private int _claimMode;
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
        _connectTimeout = TimeSpan.FromMilliseconds(_options.ConnectionMultiplexerFactory is null
            ? CreateConfiguration().ConnectTimeout
            : new ConfigurationOptions().ConnectTimeout);
    }

    public async ValueTask<NonceClaimResult> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        var token = Interlocked.Increment(ref _nextToken);
        var claim = ClaimCoreAsync(key, token, lease);
        try
        {
            return await claim.WaitAsync(_timeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException && !claim.IsFaulted && !claim.IsCanceled)
        {
            // We gave up, not the claim: it may still land, or have landed a moment ago (completed but unanswered): give it
            // back so the provider's retry is not refused for a lease.
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

    /// <summary>The store's multiplexer, connecting it first if need be; the Redis inbox store shares it (never disposing it).</summary>
    internal async Task<IConnectionMultiplexer> GetConnectionAsync()
    {
        await GetDatabaseAsync();
        return Volatile.Read(ref _connection) ?? throw new ObjectDisposedException(nameof(RedisNonceStore));
    }

    /// <summary>
    /// Connects and prepares the connection (see <see cref="PrepareAsync"/>) before the server takes requests, so the first
    /// delivery after start pays neither the connect nor a script compile. Bounded by the connect timeout; a Redis that
    /// cannot be reached is logged as a warning and left to the background reconnect. Answers whether the store is ready;
    /// throws only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    internal async Task<bool> WarmUpAsync(CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(_connectTimeout);
        Task<IDatabase>? connecting = null;
        IDatabase database;
        try
        {
            connecting = GetDatabaseAsync();
            database = await connecting.WaitAsync(bound.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (connecting is not null)
                Observe(connecting);
            RedisNonceStoreLog.NotConnectedAtStartup(_logger, e is OperationCanceledException ? null : e, _connectTimeout.TotalMilliseconds);
            return false;
        }
        if (Volatile.Read(ref _connection) is not { IsConnected: true } connection)
        {
            RedisNonceStoreLog.NotConnectedAtStartup(_logger, null, _connectTimeout.TotalMilliseconds);
            return false;
        }
        var preparing = PrepareAsync(connection, database);
        try
        {
            await preparing.WaitAsync(bound.Token);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Observe(preparing);
            RedisNonceStoreLog.PrepareFailed(_logger, e);
            return false;
        }
    }

    /// <summary>For tests: claims with the script, as on servers before Redis 7.0, until the connection is prepared again.</summary>
    internal void ForceScriptClaim() => Volatile.Write(ref _claimMode, ScriptClaim);

    /// <summary>
    /// Chooses the claim command from the connected primaries' versions, loads the scripts on each of them, and sends the
    /// release and the claim command once against <see cref="WarmUpKey"/>, which nothing writes, in forms that change
    /// nothing (compare-and-delete of a missing key, <c>SET XX</c> of a missing key), so the server compiles the script for
    /// this connection (Garnet compiles per connection) and the client's paths of the first delivery are warm.
    /// </summary>
    private async Task PrepareAsync(IConnectionMultiplexer connection, IDatabase database)
    {
        var primaries = ConnectedPrimaries(connection);
        var mode = ChooseClaimMode(primaries);
        if (mode != UnknownClaim)
            Volatile.Write(ref _claimMode, mode);
        var loads = new List<Task>(primaries.Length * 2);
        foreach (var server in primaries)
        {
            loads.Add(server.ScriptLoadAsync(ReleaseScript));
            if (mode != SetClaim)
                loads.Add(server.ScriptLoadAsync(ClaimScript));
        }
        await Task.WhenAll(loads);
        var release = database.ScriptEvaluateAsync(ReleaseScript, [WarmUpKey], [0]);
        if (mode == SetClaim)
            await database.StringSetAndGetAsync(WarmUpKey, 0, TimeSpan.FromMilliseconds(1), keepTtl: false, When.Exists);
        await release;
        RedisNonceStoreLog.Prepared(_logger, mode == SetClaim ? "SET NX PX GET" : "script", primaries.Length);
    }

    /// <summary>Prepares a connection StackExchange.Redis restored (the server may have restarted and lost its scripts).</summary>
    private async Task PrepareRestoredAsync()
    {
        try
        {
            var database = await GetDatabaseAsync();
            if (Volatile.Read(ref _connection) is { } connection)
                await PrepareAsync(connection, database).WaitAsync(_connectTimeout);
        }
        catch (ObjectDisposedException)
        {
        }
        catch (Exception e)
        {
            RedisNonceStoreLog.PrepareFailed(_logger, e);
        }
    }

    private static IServer[] ConnectedPrimaries(IConnectionMultiplexer connection)
        => Array.FindAll(connection.GetServers(), static s => s.IsConnected && !s.IsReplica);

    /// <summary><c>SET NX ... GET</c> needs Redis 7.0 (Garnet and Valkey report 7.x); none connected means not known yet.</summary>
    private static int ChooseClaimMode(IServer[] primaries)
    {
        if (primaries.Length == 0)
            return UnknownClaim;
        return Array.TrueForAll(primaries, static s => s.Features.SetNotExistsAndGet) ? SetClaim : ScriptClaim;
    }

    /// <summary>The claim command; chosen on the first call after connecting when start-up could not prepare the connection.</summary>
    private int ClaimMode()
    {
        var mode = Volatile.Read(ref _claimMode);
        if (mode != UnknownClaim || Volatile.Read(ref _connection) is not { } connection)
            return mode;
        mode = ChooseClaimMode(ConnectedPrimaries(connection));
        if (mode != UnknownClaim)
            Interlocked.CompareExchange(ref _claimMode, mode, UnknownClaim);
        return mode;
    }

    private async Task<NonceClaimResult> ClaimCoreAsync(string key, long token, TimeSpan lease)
    {
        var database = await GetDatabaseAsync();
        var milliseconds = ToMilliseconds(lease);
        var existing = ClaimMode() == SetClaim
            ? await database.StringSetAndGetAsync(key, token, TimeSpan.FromMilliseconds(milliseconds), keepTtl: false, When.NotExists)
            : (RedisValue)await database.ScriptEvaluateAsync(ClaimScript, [key], [token, milliseconds]);
        if (existing.IsNull)
            return NonceClaimResult.Claimed(token);
        return existing == CompletedMarker ? NonceClaimResult.Completed : NonceClaimResult.InFlight;
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
    {
        RedisNonceStoreLog.ConnectionRestored(_logger, e.ConnectionType, e.EndPoint?.ToString());
        if (e.ConnectionType == ConnectionType.Interactive)
            _ = PrepareRestoredAsync();
    }

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
