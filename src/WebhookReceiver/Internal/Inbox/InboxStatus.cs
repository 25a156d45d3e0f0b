namespace WebhookReceiver.Internal;

/// <summary>Where an inbox entry stands.</summary>
internal enum InboxStatus
{
    Queued,
    Processing,
    Retrying,
    Completed,
    Dead,
}
