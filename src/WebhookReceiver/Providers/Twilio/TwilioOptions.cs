namespace WebhookReceiver;

/// <summary>
/// Options of a Twilio scheme. <see cref="WebhookSchemeOptions.Secret"/> is the account's Auth Token, used as UTF-8
/// (list the old and new tokens in <see cref="WebhookSchemeOptions.Secrets"/> while rotating). Twilio signs the URL it
/// calls: behind a proxy set <see cref="WebhookSchemeOptions.PublicBaseUrl"/>.
/// </summary>
public sealed class TwilioOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Twilio's defaults.</summary>
    public TwilioOptions() => Tolerance = TwilioDefaults.Tolerance;
}
