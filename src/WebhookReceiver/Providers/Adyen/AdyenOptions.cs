namespace WebhookReceiver;

/// <summary>
/// Options of an Adyen scheme: the webhook's HMAC key exactly as the Customer Area shows it (hexadecimal; the HMAC key
/// is its decoded bytes) in <see cref="WebhookSchemeOptions.Secret"/>; during a rotation list the old and the new key in
/// <see cref="WebhookSchemeOptions.Secrets"/>. Adyen signs no timestamp, so <see cref="WebhookSchemeOptions.Tolerance"/>
/// is not used.
/// </summary>
public sealed class AdyenOptions : WebhookSchemeOptions
{
}
