namespace WebhookReceiver;

/// <summary>The hash function of an HMAC signature.</summary>
public enum WebhookHmacAlgorithm
{
    /// <summary>HMAC-SHA1 (legacy; GitHub's <c>X-Hub-Signature</c>, Intercom, Vercel, Twilio).</summary>
    Sha1,

    /// <summary>HMAC-SHA256, the common choice.</summary>
    Sha256,

    /// <summary>HMAC-SHA512.</summary>
    Sha512,
}
