using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace WebhookReceiver.Internal;

/// <summary>Log lines of the Redis nonce store (event ids 100+, clear of the pipeline's).</summary>
internal static partial class RedisNonceStoreLog
{
    [LoggerMessage(101, LogLevel.Warning, "Redis nonce store lost its {ConnectionType} connection to {EndPoint} ({FailureType}); deliveries are answered 503 until it is restored")]
    public static partial void ConnectionFailed(ILogger logger, Exception? exception, ConnectionType connectionType, string? endPoint, ConnectionFailureType failureType);

    [LoggerMessage(102, LogLevel.Information, "Redis nonce store restored its {ConnectionType} connection to {EndPoint}")]
    public static partial void ConnectionRestored(ILogger logger, ConnectionType connectionType, string? endPoint);

    [LoggerMessage(103, LogLevel.Warning, "Redis nonce store could not connect; the next call tries again")]
    public static partial void ConnectFailed(ILogger logger, Exception exception);

    [LoggerMessage(104, LogLevel.Debug, "A claim of {Key} answered after its caller gave up could not be released; it expires with its lease")]
    public static partial void LateReleaseFailed(ILogger logger, Exception exception, string key);

    [LoggerMessage(105, LogLevel.Warning, "Redis nonce store could not connect at start-up within {ConnectTimeoutMs} ms; the app starts anyway, deliveries are answered 503 and the health check reports Unhealthy until Redis is reachable (connecting goes on in the background)")]
    public static partial void NotConnectedAtStartup(ILogger logger, Exception? exception, double connectTimeoutMs);

    [LoggerMessage(106, LogLevel.Debug, "Redis nonce store is connected and prepared (claim by {ClaimCommand}, scripts loaded on {Servers} server(s))")]
    public static partial void Prepared(ILogger logger, string claimCommand, int servers);

    [LoggerMessage(107, LogLevel.Debug, "Redis nonce store could not prepare its restored connection; the first calls load the scripts themselves")]
    public static partial void PrepareFailed(ILogger logger, Exception exception);
}
