namespace WebhookReceiver;

/// <summary>
/// Verifies deliveries against a registered scheme without an HTTP endpoint: for queue consumers, functions and
/// background jobs that receive the raw bytes and headers some other way. Uses the registered <see cref="TimeProvider"/>.
/// </summary>
public interface IWebhookVerifier
{
    /// <summary>Verifies <paramref name="request"/> with the scheme named <paramref name="scheme"/>.</summary>
    /// <param name="scheme">The scheme name; throws <see cref="InvalidOperationException"/> if none is registered.</param>
    /// <param name="request">The delivery.</param>
    WebhookVerificationResult Verify(string scheme, in WebhookRequest request);

    /// <summary>Gets the live scheme named <paramref name="scheme"/> (to read envelopes or sign).</summary>
    /// <param name="scheme">The scheme name.</param>
    WebhookScheme GetScheme(string scheme);
}
