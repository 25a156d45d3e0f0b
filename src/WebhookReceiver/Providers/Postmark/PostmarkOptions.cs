namespace WebhookReceiver;

/// <summary>
/// Options of a Postmark scheme. Postmark signs nothing: it authenticates by a shared secret, compared in constant time,
/// that proves the sender knows it but covers neither the body nor a time (use HTTPS). By default that is HTTP Basic
/// authentication: put <c>username:password</c> in the webhook URL (<c>https://username:password@host/webhooks/postmark</c>,
/// or <c>HttpAuth</c> in Postmark's webhooks API) and the same <c>username:password</c>, unescaped, in
/// <see cref="WebhookSchemeOptions.Secret"/>. With <see cref="SecretHeader"/> set, the secret is instead the value of
/// that custom header (<c>HttpHeaders</c> of the webhook). List several in <see cref="WebhookSchemeOptions.Secrets"/> during
/// a rotation.
/// </summary>
public sealed class PostmarkOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Postmark's defaults.</summary>
    public PostmarkOptions() => Tolerance = PostmarkDefaults.Tolerance;

    /// <summary>
    /// Gets or sets the custom header carrying the secret (e.g. <c>X-Webhook-Token</c>), compared whole with each
    /// configured secret. The default is <see langword="null"/>: HTTP Basic credentials in <c>Authorization</c>, each
    /// secret written <c>username:password</c>.
    /// </summary>
    public string? SecretHeader { get; set; }

    /// <inheritdoc />
    public override void Validate(ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        base.Validate(errors);
        if (!string.IsNullOrWhiteSpace(SecretHeader))
            return;
        var secrets = GetAllSecrets();
        for (var i = 0; i < secrets.Count; i++)
        {
            if (secrets[i].IndexOf(':', StringComparison.Ordinal) is < 0 || secrets[i].EndsWith(':'))
                errors.Add($"{(secrets.Count == 1 ? "the secret" : $"secret #{i + 1}")} must be the Basic credentials 'username:password' " +
                    "of the webhook URL (or set SecretHeader to compare a custom header instead)");
        }
    }
}
