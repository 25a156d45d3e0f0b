using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Internal;

/// <summary>Log lines of the Redis inbox store (event ids 111+).</summary>
internal static partial class RedisInboxStoreLog
{
    [LoggerMessage(111, LogLevel.Warning, "Redis inbox store could not connect; the next call tries again")]
    public static partial void ConnectFailed(ILogger logger, Exception exception);

    [LoggerMessage(112, LogLevel.Debug, "Redis inbox store could not subscribe to its notifications; the processor polls meanwhile")]
    public static partial void SubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(113, LogLevel.Debug, "Redis inbox store consumer {Consumer} of group {ConsumerGroup} is connected")]
    public static partial void Connected(ILogger logger, string consumer, string consumerGroup);
}
