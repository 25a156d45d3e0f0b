namespace WebhookReceiver;

/// <summary>
/// Options of a Slack scheme. <see cref="WebhookSchemeOptions.Secret"/> is the app's Signing Secret (used as UTF-8; not
/// the deprecated verification token). The default tolerance is 5 minutes.
/// </summary>
public sealed class SlackOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Slack's defaults.</summary>
    public SlackOptions() => Tolerance = SlackDefaults.Tolerance;
}
