namespace WebhookReceiver;

/// <summary>How many inbox entries stand in each status, and how old the oldest pending one is.</summary>
/// <param name="Queued">Entries waiting for their first attempt.</param>
/// <param name="Processing">Entries an attempt holds.</param>
/// <param name="Retrying">Entries waiting for a retry.</param>
/// <param name="Completed">Completed entries not yet trimmed.</param>
/// <param name="Dead">Dead letters.</param>
/// <param name="OldestPendingReceivedAt">When the oldest queued, processing or retrying entry was accepted; <see langword="null"/> when none is.</param>
public sealed record WebhookInboxCounts(long Queued, long Processing, long Retrying, long Completed, long Dead, DateTimeOffset? OldestPendingReceivedAt)
{
    /// <summary>Gets the entries not settled yet: queued, processing and retrying.</summary>
    public long Pending => Queued + Processing + Retrying;
}
