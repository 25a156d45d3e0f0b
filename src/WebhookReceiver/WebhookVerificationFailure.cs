namespace WebhookReceiver;

/// <summary>Why a delivery failed verification. Logged and shown by the CLI; never sent to the caller.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>Verification succeeded.</summary>
    None = 0,

    /// <summary>A header the scheme needs (signature, timestamp or id) is absent.</summary>
    MissingHeader,

    /// <summary>A header is present but cannot be parsed.</summary>
    MalformedHeader,

    /// <summary>No signature in the request matched any configured key.</summary>
    SignatureMismatch,

    /// <summary>The signed timestamp is older than the tolerance allows.</summary>
    TimestampTooOld,

    /// <summary>The signed timestamp is further in the future than the tolerance allows.</summary>
    TimestampTooNew,

    /// <summary>The request's URL differs from the one the provider signed, or is unknown.</summary>
    UrlMismatch,

    /// <summary>The body does not have the shape the scheme signs (for schemes that sign fields inside it).</summary>
    MalformedBody,

    /// <summary>
    /// The signature verified, but the delivery does not have the shape the provider sends (no readable event); answered
    /// 400, not 401.
    /// </summary>
    UnreadableDelivery,
}
