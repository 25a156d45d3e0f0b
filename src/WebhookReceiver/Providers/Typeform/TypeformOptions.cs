namespace WebhookReceiver;

/// <summary>Options of a Typeform scheme: the secret set on the webhook in <see cref="WebhookSchemeOptions.Secret"/> (several in <see cref="WebhookSchemeOptions.Secrets"/> during a rotation).</summary>
public sealed class TypeformOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Typeform's defaults.</summary>
    public TypeformOptions() => Tolerance = TypeformDefaults.Tolerance;
}
