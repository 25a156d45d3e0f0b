namespace WebhookReceiver;

/// <summary>
/// Options of a Standard Webhooks scheme. <see cref="WebhookSchemeOptions.Secret"/> takes a <c>whsec_</c> HMAC
/// secret, a <c>whpk_</c> Ed25519 public key or a <c>whsk_</c> Ed25519 private key (which can also sign);
/// list several in <see cref="WebhookSchemeOptions.Secrets"/> during a rotation.
/// </summary>
public sealed class StandardWebhooksOptions : WebhookSchemeOptions
{
    /// <summary>Gets or sets the body property holding the event type. The default is <c>type</c>.</summary>
    public string EventTypeProperty { get; set; } = "type";

    /// <inheritdoc />
    public override void Validate(ICollection<string> errors)
    {
        base.Validate(errors);
        if (string.IsNullOrEmpty(EventTypeProperty))
            errors.Add("EventTypeProperty must not be empty");
    }
}
