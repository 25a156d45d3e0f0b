namespace WebhookReceiver;

/// <summary>
/// Options of a Mailgun scheme. <see cref="WebhookSchemeOptions.Secret"/> is the HTTP webhook signing key, used as UTF-8.
/// <see cref="WebhookSchemeOptions.Tolerance"/> defaults to 15 minutes (see <see cref="MailgunDefaults.Tolerance"/>).
/// </summary>
public sealed class MailgunOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Mailgun's defaults.</summary>
    public MailgunOptions() => Tolerance = MailgunDefaults.Tolerance;
}
