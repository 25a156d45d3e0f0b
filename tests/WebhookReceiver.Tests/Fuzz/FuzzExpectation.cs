namespace WebhookReceiver.Tests.Fuzz;

/// <summary>What a fuzz request may do to the handler.</summary>
internal enum FuzzExpectation
{
    /// <summary>A genuine new delivery: processed, the handler runs.</summary>
    Processed,

    /// <summary>A genuine delivery whose body holds the boom marker: the handler throws, a provoked 500.</summary>
    Provoked500,

    /// <summary>Tampered, unsigned, a replay or a copy of something already settled: the handler must not run.</summary>
    NotAccepted,

    /// <summary>Authentic but hostile content (signed with the real key, or a token-only scheme's body): any answer but a 5xx.</summary>
    Authentic,
}
