namespace WebhookReceiver;

/// <summary>
/// Options of a Meta scheme: the app secret in <see cref="WebhookSchemeOptions.Secret"/> (several in
/// <see cref="WebhookSchemeOptions.Secrets"/> during a rotation) and the verify token of the GET subscription handshake.
/// </summary>
public sealed class MetaOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Meta's defaults.</summary>
    public MetaOptions() => Tolerance = MetaDefaults.Tolerance;

    /// <summary>
    /// Gets or sets the verify token entered in the app dashboard with the callback URL. The GET handshake echoes
    /// <c>hub.challenge</c> only when <c>hub.verify_token</c> equals it (compared in constant time) and answers 403
    /// otherwise. The default is <see langword="null"/>: every GET handshake is refused with 403.
    /// </summary>
    public string? VerifyToken { get; set; }
}
