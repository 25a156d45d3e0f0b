namespace WebhookReceiver;

/// <summary>
/// Replay protection and idempotency: each delivery id is claimed in the nonce store before the handler
/// runs and kept as completed afterwards, so a replayed or redelivered request is answered
/// <c>{"status":"duplicate"}</c> without running the handler again.
/// </summary>
public sealed class WebhookReplayOptions
{
    /// <summary>Gets or sets a value indicating whether deliveries are claimed in the nonce store. The default is <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets how long a completed delivery is remembered. The default is 24 hours; it is raised to
    /// at least twice the tolerance, since a replay inside the tolerance window must still be refused.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets or sets how long an in-flight claim holds before it expires, so a process that dies mid-handler
    /// does not block the provider's retry for ever. Keep it longer than your slowest handler. The default is 1 minute.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets a value indicating whether deliveries are processed without a claim when the nonce store is
    /// unreachable. The default is <see langword="false"/> (fail closed: 503, the provider retries later);
    /// each use is logged as a warning.
    /// </summary>
    public bool FailOpen { get; set; }

    /// <summary>Gets the retention actually used: <see cref="Retention"/>, at least twice <paramref name="tolerance"/>.</summary>
    /// <param name="tolerance">The scheme's timestamp tolerance.</param>
    public TimeSpan GetEffectiveRetention(TimeSpan tolerance)
    {
        var floor = tolerance + tolerance;
        return Retention < floor ? floor : Retention;
    }

    internal void Validate(ICollection<string> errors)
    {
        if (Lease <= TimeSpan.Zero)
            errors.Add("Replay:Lease must be positive");
        if (Retention <= TimeSpan.Zero)
            errors.Add("Replay:Retention must be positive");
    }
}
