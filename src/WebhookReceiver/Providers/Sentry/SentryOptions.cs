namespace WebhookReceiver;

/// <summary>
/// Options of a Sentry integration-platform scheme. <see cref="WebhookSchemeOptions.Secret"/> is the integration's
/// <em>Client Secret</em> (Settings, Developer Settings, the integration's Credentials), used as UTF-8; during a
/// rotation, list the old and the new one in <see cref="WebhookSchemeOptions.Secrets"/>.
/// </summary>
public sealed class SentryOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Sentry's defaults.</summary>
    public SentryOptions() => Tolerance = SentryDefaults.Tolerance;
}
