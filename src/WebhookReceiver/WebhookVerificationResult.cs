using System.Diagnostics.CodeAnalysis;

namespace WebhookReceiver;

/// <summary>
/// The outcome of verifying a delivery: success with the signed timestamp, or a failure with a reason
/// meant for logs and humans (never for the HTTP response, and never containing key material or signatures).
/// </summary>
public readonly struct WebhookVerificationResult
{
    private WebhookVerificationResult(WebhookVerificationFailure failure, string? reason, DateTimeOffset? timestamp)
    {
        Failure = failure;
        Reason = reason;
        Timestamp = timestamp;
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

    /// <summary>Creates a successful result.</summary>
    /// <param name="timestamp">The signed timestamp, if the scheme signs one.</param>
    public static WebhookVerificationResult Success(DateTimeOffset? timestamp = null) => new(WebhookVerificationFailure.None, null, timestamp);

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
