using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Internal;

/// <summary>The inbox's log lines (event ids 60–79). Never a secret, signature or body.</summary>
internal static partial class InboxLog
{
    [LoggerMessage(60, LogLevel.Information, "Webhook delivery {DeliveryId} ({EventType}) to scheme {Scheme} accepted into the inbox as {EntryId}")]
    public static partial void Accepted(ILogger logger, string scheme, string entryId, string? deliveryId, string? eventType);

    [LoggerMessage(61, LogLevel.Error, "Webhook inbox store unavailable for scheme {Scheme}: delivery not acknowledged (503), claims released")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string scheme);

    [LoggerMessage(62, LogLevel.Information, "Webhook inbox entry {EntryId} ({EventType}) of scheme {Scheme} completed at attempt {Attempt}")]
    public static partial void Completed(ILogger logger, string scheme, string entryId, string? eventType, int attempt);

    [LoggerMessage(63, LogLevel.Warning, "Webhook inbox entry {EntryId} ({EventType}) of scheme {Scheme} failed at attempt {Attempt}; retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, Exception exception, string scheme, string entryId, string? eventType, int attempt, TimeSpan delay);

    [LoggerMessage(64, LogLevel.Error, "Webhook inbox entry {EntryId} ({EventType}) of scheme {Scheme} is a dead letter after {Attempt} attempts")]
    public static partial void Dead(ILogger logger, Exception? exception, string scheme, string entryId, string? eventType, int attempt);

    [LoggerMessage(65, LogLevel.Warning, "Webhook inbox entry {EntryId} belongs to endpoint {Endpoint}, which is not mapped with UseInbox(); it stays queued")]
    public static partial void NoEndpoint(ILogger logger, string entryId, string endpoint);

    [LoggerMessage(66, LogLevel.Warning, "The webhook inbox keeps deliveries in memory: they are lost when the process stops. Use a durable inbox store outside Development")]
    public static partial void NotDurable(ILogger logger);

    [LoggerMessage(67, LogLevel.Error, "Webhook inbox processor failed to read the store; trying again")]
    public static partial void ProcessorFailed(ILogger logger, Exception exception);

    [LoggerMessage(68, LogLevel.Information, "Webhook inbox entry {EntryId} ({EventType}) of scheme {Scheme} has no handler: completed as ignored")]
    public static partial void Ignored(ILogger logger, string scheme, string entryId, string? eventType);

    [LoggerMessage(69, LogLevel.Warning, "Webhook inbox entry {EntryId} was taken over by another attempt: this attempt's result ({Status}) is not recorded. Its lease, renewed while the handler ran, ran out: the instance stalled or could not reach the store for longer than Webhooks:Inbox:Lease")]
    public static partial void LeaseLost(ILogger logger, string entryId, string status);
}
