namespace WebhookReceiver;

/// <summary>Names and defaults of the Mailgun scheme.</summary>
public static class MailgunDefaults
{
    /// <summary>The provider id and default scheme name: <c>mailgun</c>.</summary>
    public const string ProviderId = "mailgun";

    /// <summary>The body property holding the signature object (<c>timestamp</c>, <c>token</c>, <c>signature</c>).</summary>
    public const string SignatureProperty = "signature";

    /// <summary>The body property holding the event (its <c>event</c> is the event type).</summary>
    public const string EventDataProperty = "event-data";

    /// <summary>
    /// The default timestamp tolerance: 15 minutes. Mailgun documents no window and warns that its own processing can
    /// be delayed, so this is wider than most providers'; the token is claimed as a nonce either way.
    /// </summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(15);
}
