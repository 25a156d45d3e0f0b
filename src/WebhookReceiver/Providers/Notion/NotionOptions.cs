namespace WebhookReceiver;

/// <summary>
/// Options of a Notion scheme. <see cref="WebhookSchemeOptions.Secret"/> is the subscription's verification token, which
/// Notion sends once, unsigned, to the webhook URL when the subscription is created (see <see cref="OnVerificationToken"/>);
/// every later event is signed with it.
/// </summary>
public sealed class NotionOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Notion's defaults.</summary>
    public NotionOptions() => Tolerance = NotionDefaults.Tolerance;

    /// <summary>
    /// Gets or sets whether the scheme may start with no secret, before the subscription is verified: it answers the
    /// verification request and refuses every delivery (naming the missing secret) until the token is configured. The
    /// default is <see langword="false"/>: a missing secret fails start-up.
    /// </summary>
    public bool StartWithoutSecret { get; set; }

    /// <summary>
    /// Gets or sets what receives the <c>verification_token</c> of Notion's verification request, which is then answered
    /// 200 (the library never logs it). That request is not signed: anyone who knows the URL can send one, so show the
    /// token to whoever completes the subscription in Notion (paste it under Verify: Notion accepts only its own), or
    /// keep it for configuration once that is done, but never adopt it as the secret unattended. Called on the request's
    /// thread; an exception fails the request (500). The default is <see langword="null"/>: verification requests are
    /// refused like any unsigned request (401), and the token must come from elsewhere.
    /// </summary>
    public Action<string>? OnVerificationToken { get; set; }

    /// <inheritdoc />
    protected override bool RequiresSecret => !StartWithoutSecret;
}
