namespace WebhookReceiver;

/// <summary>
/// Remembers deliveries so that each is processed once: a claim marks a delivery <c>in-flight</c> for a lease,
/// completion keeps it <c>completed</c> for the retention, release (token-checked) lets the provider's retry in.
/// Implementations must make <see cref="TryClaimAsync"/> atomic across every instance that shares the store,
/// and throw (rather than guess) when the store cannot be reached: the endpoint then answers 503.
/// </summary>
public interface IWebhookNonceStore
{
    /// <summary>Claims <paramref name="key"/> for <paramref name="lease"/> unless it is in flight or completed.</summary>
    /// <param name="key">The claim key, <c>{scheme}:{replayKey}</c> (see <see cref="WebhookReplayKeys"/>).</param>
    /// <param name="lease">How long the claim holds if it is never completed or released.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<NonceClaimResult> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed key completed and keeps it for <paramref name="retention"/>.</summary>
    /// <param name="key">The replay key.</param>
    /// <param name="token">The token of the claim.</param>
    /// <param name="retention">How long the completed marker is kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask CompleteAsync(string key, long token, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Deletes the claim if <paramref name="token"/> still owns it, so a retry is accepted.</summary>
    /// <param name="key">The replay key.</param>
    /// <param name="token">The token of the claim.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask ReleaseAsync(string key, long token, CancellationToken cancellationToken);
}
