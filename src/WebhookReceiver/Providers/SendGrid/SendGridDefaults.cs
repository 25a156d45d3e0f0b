namespace WebhookReceiver;

/// <summary>Names and defaults of the SendGrid Signed Event Webhook scheme.</summary>
public static class SendGridDefaults
{
    /// <summary>The provider id and default scheme name: <c>sendgrid</c>.</summary>
    public const string ProviderId = "sendgrid";

    /// <summary>The signature header: base64 DER ECDSA P-256/SHA-256 signature over <c>{timestamp}{body}</c>.</summary>
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";

    /// <summary>The timestamp header (Unix seconds).</summary>
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>The default timestamp tolerance: 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
