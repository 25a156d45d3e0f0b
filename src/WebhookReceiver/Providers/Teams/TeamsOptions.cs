namespace WebhookReceiver;

/// <summary>
/// Options of a Microsoft Teams outgoing-webhook scheme. <see cref="WebhookSchemeOptions.Secret"/> is the security
/// token Teams shows once when the outgoing webhook is created, exactly as shown (base64; the scheme decodes it to the
/// HMAC key). During a rotation (a re-created webhook), list the old and the new token. Teams signs no timestamp, so
/// <see cref="WebhookSchemeOptions.Tolerance"/> is not used.
/// </summary>
public sealed class TeamsOptions : WebhookSchemeOptions
{
}
