namespace WebhookReceiver;

/// <summary>What an operation on one inbox entry did.</summary>
public enum WebhookInboxOperationResult
{
    /// <summary>The entry changed as asked.</summary>
    Done,

    /// <summary>No entry has that id (it never existed, was purged or trimmed).</summary>
    NotFound,

    /// <summary>The entry's status does not allow the operation (e.g. retrying a completed entry).</summary>
    WrongStatus,
}
