using StackExchange.Redis;

namespace WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

/// <summary>
/// The servers every Redis test runs against: an embedded Garnet always, and the server named by the
/// <c>WEBHOOKS_TEST_REDIS</c> environment variable when it is set. A set but unreachable server fails its tests.
/// </summary>
public sealed class RedisServers : IAsyncLifetime
{
    public const string Garnet = "garnet";
    public const string External = "external";
    public const string Variable = "WEBHOOKS_TEST_REDIS";

    private readonly Dictionary<string, Lazy<Task<RedisTarget>>> _targets = [];
    private readonly List<IAsyncDisposable> _disposables = [];
    private EmbeddedGarnet? _garnet;

    public RedisServers()
    {
        _targets[Garnet] = new(StartGarnetAsync);
        if (ExternalConfiguration is { } external)
            _targets[External] = new(() => ConnectAsync(External, external));
    }

    private static string? ExternalConfiguration => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The names of the targets, as theory data.</summary>
    public static TheoryData<string> Names => ExternalConfiguration is null ? new(Garnet) : new(Garnet, External);

    internal Task<RedisTarget> GetAsync(string name) => _targets[name].Value;

    private Task<RedisTarget> StartGarnetAsync()
    {
        _garnet = new EmbeddedGarnet();
        return ConnectAsync(Garnet, _garnet.Configuration);
    }

    private async Task<RedisTarget> ConnectAsync(string name, string configuration)
    {
        ConnectionMultiplexer admin;
        try
        {
            var options = ConfigurationOptions.Parse(configuration);
            options.AllowAdmin = true; // CLIENT LIST, SCRIPT EXISTS
            admin = await ConnectionMultiplexer.ConnectAsync(options);
            await admin.GetDatabase().PingAsync();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(name == External
                ? $"{Variable} is set to '{configuration}' but that server does not answer PING: {e.Message}"
                : $"The embedded Garnet server at {configuration} does not answer PING: {e.Message}", e);
        }
        lock (_disposables)
            _disposables.Add(admin);
        return new RedisTarget(name, configuration, admin);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in _disposables)
            await disposable.DisposeAsync();
        _garnet?.Dispose();
    }
}
