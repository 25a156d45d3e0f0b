namespace WebhookReceiver;

/// <summary>Where an inbox entry stands.</summary>
public enum WebhookInboxStatus
{
    /// <summary>Stored and waiting for its first attempt (or sent back by an operator or a shutdown).</summary>
    Queued,

    /// <summary>An attempt holds it until its lease ends.</summary>
    Processing,

    /// <summary>An attempt failed; the next one is due at <see cref="WebhookInboxEntry.DueAt"/>.</summary>
    Retrying,

    /// <summary>A handler succeeded (or none handles its event type); kept for the retention.</summary>
    Completed,

    /// <summary>Every attempt failed; kept, with the last error, until requeued or purged.</summary>
    Dead,
}
