namespace WebhookReceiver;

/// <summary>
/// Options of a DocuSign Connect scheme: the Connect HMAC secret key (Settings, Connect, Connect Keys) in
/// <see cref="WebhookSchemeOptions.Secret"/>, used as UTF-8; list several in <see cref="WebhookSchemeOptions.Secrets"/>
/// during a rotation. DocuSign signs no timestamp, so <see cref="WebhookSchemeOptions.Tolerance"/> is not used.
/// </summary>
public sealed class DocuSignOptions : WebhookSchemeOptions
{
}
