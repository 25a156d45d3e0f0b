namespace WebhookReceiver;

/// <summary>
/// Options of a Discord interactions scheme. <see cref="WebhookSchemeOptions.Secret"/> is the application's public key
/// as the developer portal shows it (64 hex characters). To sign (tests, the CLI), give instead the private key as
/// 128 hex characters: the 32-byte Ed25519 seed followed by its public key; the scheme derives the public key from it.
/// </summary>
public sealed class DiscordOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Discord's defaults.</summary>
    public DiscordOptions() => Tolerance = DiscordDefaults.Tolerance;
}
