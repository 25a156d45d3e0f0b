namespace WebhookReceiver;

/// <summary>
/// Options of a Dropbox scheme: the app secret in <see cref="WebhookSchemeOptions.Secret"/> (several in
/// <see cref="WebhookSchemeOptions.Secrets"/> during a rotation).
/// </summary>
public sealed class DropboxOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Dropbox's defaults.</summary>
    public DropboxOptions() => Tolerance = DropboxDefaults.Tolerance;
}
