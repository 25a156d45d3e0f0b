namespace WebhookReceiver;

/// <summary>
/// Settings of the inbox (endpoints with <c>UseInbox()</c>): how the processor retries, leases and keeps entries.
/// Bound from configuration section <c>Webhooks:Inbox</c> and validated at start-up.
/// </summary>
public sealed class WebhookInboxOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string Section = "Webhooks:Inbox";

    /// <summary>Gets or sets how many times a handler is attempted before the entry becomes a dead letter. The default is 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Gets or sets the delay before the first retry; each further retry doubles it, with jitter. The default is 5 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the longest delay between two attempts. The default is 10 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how long an attempt holds its entry before another consumer may take it over. The default is 5 minutes.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how many attempts run at once in this instance. The default is 4.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Gets or sets how long completed entries are kept. The default is 7 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
