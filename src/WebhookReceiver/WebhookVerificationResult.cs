using System.Diagnostics.CodeAnalysis;

namespace WebhookReceiver;

/// <summary>
/// The outcome of verifying a delivery: success with the verified delivery (from <see cref="WebhookScheme.Verify"/>) or
/// the signed timestamp alone (from a scheme's signature check), or a failure with a reason meant for logs and humans
/// (never for the HTTP response, and never containing key material, signatures or unverified values).
/// </summary>
public readonly struct WebhookVerificationResult
{
    private WebhookVerificationResult(WebhookVerificationFailure failure, string? reason, DateTimeOffset? timestamp, WebhookDelivery? delivery = null)
    {
        Failure = failure;
        Reason = reason;
        Timestamp = timestamp;
        Delivery = delivery;
    }

    /// <summary>Gets a value indicating whether the delivery is genuine.</summary>
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool Succeeded => Failure == WebhookVerificationFailure.None;

    /// <summary>Gets the kind of failure, or <see cref="WebhookVerificationFailure.None"/>.</summary>
    public WebhookVerificationFailure Failure { get; }

    /// <summary>Gets a human-readable reason for a failure, e.g. "timestamp 412 s old, tolerance 300 s".</summary>
    public string? Reason { get; }

    /// <summary>Gets the signed timestamp, for schemes that sign one.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>
    /// Gets the verified delivery, read once from the proven bytes; set on every success of <see cref="WebhookScheme.Verify"/>
    /// (a scheme's own signature check succeeds without one).
    /// </summary>
    public WebhookDelivery? Delivery { get; }

    /// <summary>Creates the result of a signature check that passed.</summary>
    /// <param name="timestamp">The signed timestamp, if the scheme signs one.</param>
    public static WebhookVerificationResult Success(DateTimeOffset? timestamp = null) => new(WebhookVerificationFailure.None, null, timestamp);

    /// <summary>Creates the result of a verified and read delivery (only <see cref="WebhookScheme.Verify"/> makes one).</summary>
    /// <param name="delivery">The verified delivery.</param>
    internal static WebhookVerificationResult Success(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new(WebhookVerificationFailure.None, null, delivery.Timestamp, delivery);
    }

    /// <summary>Creates a failed result.</summary>
    /// <param name="failure">The kind of failure.</param>
    /// <param name="reason">A specific, human-readable reason without secrets or signatures.</param>
    public static WebhookVerificationResult Fail(WebhookVerificationFailure failure, string reason)
    {
        if (failure == WebhookVerificationFailure.None)
            throw new ArgumentOutOfRangeException(nameof(failure), "A failure needs a failure kind.");
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new(failure, reason, null);
    }

    /// <inheritdoc />
    public override string ToString() => Succeeded ? "valid" : $"invalid: {Reason}";
}
