namespace WebhookReceiver;

/// <summary>
/// Options of a Twitch EventSub scheme. <see cref="WebhookSchemeOptions.Secret"/> is the secret given when creating
/// the subscription (10 to 100 characters, used as UTF-8). The default tolerance is 10 minutes.
/// </summary>
public sealed class TwitchOptions : WebhookSchemeOptions
{
    private const int MinSecretLength = 10;
    private const int MaxSecretLength = 100;

    /// <summary>Creates options with Twitch's defaults.</summary>
    public TwitchOptions() => Tolerance = TwitchDefaults.Tolerance;

    /// <inheritdoc />
    public override void Validate(ICollection<string> errors)
    {
        base.Validate(errors);
        var secrets = GetAllSecrets();
        for (var i = 0; i < secrets.Count; i++)
        {
            if (secrets[i].Length is < MinSecretLength or > MaxSecretLength)
                errors.Add($"{(secrets.Count == 1 ? "the secret" : $"secret #{i + 1}")} is not 10 to 100 characters long, as Twitch requires of subscription secrets");
        }
    }
}
