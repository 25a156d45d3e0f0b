namespace WebhookReceiver;

/// <summary>The outcome of a claim and, when <see cref="NonceClaimStatus.Claimed"/>, the token that owns it.</summary>
/// <param name="Status">The claim status.</param>
/// <param name="Token">The owner token, passed back to complete or release.</param>
public readonly record struct NonceClaimResult(NonceClaimStatus Status, long Token)
{
    /// <summary>A claim owned by <paramref name="token"/>.</summary>
    /// <param name="token">The owner token.</param>
    public static NonceClaimResult Claimed(long token) => new(NonceClaimStatus.Claimed, token);

    /// <summary>The delivery is in flight elsewhere.</summary>
    public static NonceClaimResult InFlight { get; } = new(NonceClaimStatus.InFlight, 0);

    /// <summary>The delivery was completed before.</summary>
    public static NonceClaimResult Completed { get; } = new(NonceClaimStatus.Completed, 0);
}
