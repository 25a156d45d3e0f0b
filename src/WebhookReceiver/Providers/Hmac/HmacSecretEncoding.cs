namespace WebhookReceiver;

/// <summary>How the generic HMAC scheme turns a configured secret into key bytes.</summary>
public enum HmacSecretEncoding
{
    /// <summary>The secret's UTF-8 bytes, as most providers use their shared secret (the default).</summary>
    Utf8,

    /// <summary>The secret is base64 (standard or URL-safe) of the key bytes, e.g. Standard Webhooks' <c>whsec_</c> secrets.</summary>
    Base64,
}
