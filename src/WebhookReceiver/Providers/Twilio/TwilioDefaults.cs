namespace WebhookReceiver;

/// <summary>Names and defaults of the Twilio scheme.</summary>
public static class TwilioDefaults
{
    /// <summary>The provider id and default scheme name: <c>twilio</c>.</summary>
    public const string ProviderId = "twilio";

    /// <summary>The signature header: base64 HMAC-SHA1 over the URL and, for form posts, the sorted parameters.</summary>
    public const string SignatureHeader = "X-Twilio-Signature";

    /// <summary>
    /// The header Twilio adds when a Webhook Rule signs with a SharedKey: <c>key=…,algorithm=HMAC_SHA256</c> (or
    /// <c>HMAC_SHA1</c>). The signed string is unchanged; the key is the SharedKey secret and the hash the named one.
    /// </summary>
    public const string SignatureSettingsHeader = "X-Twilio-Webhooks-Signature-Settings";

    /// <summary>The header carrying Twilio's idempotency token, the delivery id (the same on every retry).</summary>
    public const string IdempotencyTokenHeader = "I-Twilio-Idempotency-Token";

    /// <summary>The query parameter carrying the hex SHA-256 of a JSON body.</summary>
    public const string BodyHashParameter = "bodySHA256";

    /// <summary>Twilio signs no timestamp; the tolerance only sets the floor of the replay retention: 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="WebhookSchemeOptions.MaxBodySize"/> of Twilio schemes: 64 KiB (Twilio's requests are a few KB).</summary>
    public const long MaxBodySize = 64 * 1024;
}
