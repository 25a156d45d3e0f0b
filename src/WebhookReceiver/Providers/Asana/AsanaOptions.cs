namespace WebhookReceiver;

/// <summary>
/// Options of an Asana scheme. <see cref="WebhookSchemeOptions.Secret"/> is the webhook's secret: Asana makes one per
/// webhook and returns it, as <c>X-Hook-Secret</c>, in the response to the <c>POST /webhooks</c> request that created
/// the webhook; store it and configure it here (several webhooks on one URL: list each in
/// <see cref="WebhookSchemeOptions.Secrets"/>). Options reload, so it takes effect without a restart.
/// </summary>
public sealed class AsanaOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Asana's defaults.</summary>
    public AsanaOptions() => Tolerance = AsanaDefaults.Tolerance;

    /// <summary>
    /// Gets or sets whether the scheme may start with no secret, before the first webhook exists: it answers the
    /// handshake and refuses every delivery (naming the missing secret) until a secret is configured. The default is
    /// <see langword="false"/>: a missing secret fails start-up.
    /// </summary>
    public bool StartWithoutSecret { get; set; }

    /// <inheritdoc />
    protected override bool RequiresSecret => !StartWithoutSecret;
}
