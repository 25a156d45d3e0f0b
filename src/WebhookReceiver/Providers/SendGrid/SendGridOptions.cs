namespace WebhookReceiver;

/// <summary>
/// Options of a SendGrid Signed Event Webhook scheme. <see cref="WebhookSchemeOptions.Secret"/> is the verification key
/// as the SendGrid console shows it: a base64 SubjectPublicKeyInfo of a P-256 key (PEM accepted too). To sign (tests,
/// the CLI), give instead a base64 PKCS#8 private key (or PEM); the scheme derives the public key from it.
/// </summary>
public sealed class SendGridOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with SendGrid's defaults.</summary>
    public SendGridOptions() => Tolerance = SendGridDefaults.Tolerance;

    /// <summary>
    /// Gets or sets a value indicating whether a delivery (an array of events) is handled event by event: each is
    /// dispatched by its <c>event</c> and claimed by its <c>sg_event_id</c>. When <see langword="false"/>, the array
    /// goes to one handler as a whole, keyed by a hash of the body. The default is <see langword="true"/>.
    /// </summary>
    public bool SplitBatch { get; set; } = true;
}
