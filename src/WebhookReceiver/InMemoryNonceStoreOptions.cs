namespace WebhookReceiver;

/// <summary>Options of the in-memory nonce store, the default for a single instance.</summary>
public sealed class InMemoryNonceStoreOptions
{
    /// <summary>
    /// Gets or sets how many keys are kept at most. When full after removing expired keys, new claims fail and
    /// deliveries are answered 503 (fail closed). The default is 1,000,000.
    /// </summary>
    public int MaxEntries { get; set; } = 1_000_000;

    /// <summary>
    /// Gets or sets how many bytes the kept keys may take at most, counted as each key's characters plus a fixed
    /// per-entry overhead (<see cref="EntryOverheadBytes"/>), so a long key costs its size, not one slot. When full
    /// after removing expired keys, new claims fail and deliveries are answered 503 (fail closed). The default is
    /// 256 MiB. The pipeline's keys (the scheme name, a colon and at most 64 characters) measured 195–220 bytes an entry
    /// on .NET 10 x64 (1,000,000 completed deliveries: 186–209 MiB), so <see cref="MaxEntries"/> usually binds first.
    /// </summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Gets or sets how many keys the store makes room for up front (capped at <see cref="MaxEntries"/>). A receiver
    /// that expects many deliveries per retention window sizes the store once instead of having it grow (each growth
    /// step copies every key while new claims wait). The default is 0: the store starts small and grows as needed.
    /// </summary>
    public int InitialCapacity { get; set; }

    /// <summary>
    /// The bytes one entry is counted at besides its key's characters (the dictionary node, the entry, the string
    /// header), measured on .NET 10 x64: about 99 bytes of store structures and a 24-byte string header.
    /// </summary>
    public const int EntryOverheadBytes = 128;

    /// <summary>Gets or sets how often expired keys are removed. The default is 1 minute.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
