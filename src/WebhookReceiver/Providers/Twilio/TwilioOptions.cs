namespace WebhookReceiver;

/// <summary>
/// Options of a Twilio scheme. <see cref="WebhookSchemeOptions.Secret"/> is the account's Auth Token, used as UTF-8
/// (list the old and new tokens in <see cref="WebhookSchemeOptions.Secrets"/> while rotating). Twilio signs the URL it
/// calls: behind a proxy set <see cref="WebhookSchemeOptions.PublicBaseUrl"/>.
/// </summary>
public sealed class TwilioOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Twilio's defaults.</summary>
    public TwilioOptions()
    {
        Tolerance = TwilioDefaults.Tolerance;
        // Twilio posts a few dozen short parameters; its signature covers the parsed form, which must be read before the
        // signature can be checked, so a small limit keeps refusing a forged body cheap (413 before any parsing).
        MaxBodySize = TwilioDefaults.MaxBodySize;
    }

    /// <summary>
    /// Gets or sets the secrets of the Twilio SharedKeys (Webhooks configuration API) that Webhook Rules sign with,
    /// used as UTF-8; list the old and the new one while rotating. A request carrying
    /// <see cref="TwilioDefaults.SignatureSettingsHeader"/> is checked against these, with the header's algorithm
    /// (HMAC-SHA1 or HMAC-SHA256), instead of the Auth Token; with none configured such a request is refused.
    /// </summary>
    public IList<string> SharedKeySecrets { get; set; } = [];
}
