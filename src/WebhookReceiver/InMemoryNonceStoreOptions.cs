namespace WebhookReceiver;

/// <summary>Options of the in-memory nonce store, the default for a single instance.</summary>
public sealed class InMemoryNonceStoreOptions
{
    /// <summary>
    /// Gets or sets how many keys are kept at most. When full after removing expired keys, new claims fail and
    /// deliveries are answered 503 (fail closed). The default is 1,000,000 (roughly 200 MB at the worst).
    /// </summary>
    public int MaxEntries { get; set; } = 1_000_000;

    /// <summary>
    /// Gets or sets how many keys the store makes room for up front (capped at <see cref="MaxEntries"/>). A receiver
    /// that expects many deliveries per retention window sizes the store once instead of having it grow (each growth
    /// step copies every key while new claims wait). The default is 0: the store starts small and grows as needed.
    /// </summary>
    public int InitialCapacity { get; set; }

    /// <summary>Gets or sets how often expired keys are removed. The default is 1 minute.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
