namespace WebhookReceiver;

/// <summary>How a signature is written in its header.</summary>
public enum WebhookSignatureEncoding
{
    /// <summary>Hexadecimal, either case.</summary>
    Hex,

    /// <summary>Base64, standard or URL-safe, padded or not.</summary>
    Base64,
}
