namespace WebhookReceiver;

/// <summary>
/// Options of a Microsoft Graph change-notification scheme. <see cref="WebhookSchemeOptions.Secret"/> is the
/// <c>clientState</c> the application set when it created the subscription (at most 255 characters); during a
/// rotation (subscriptions renewed with a new value), list the old and the new one. It is a shared secret Graph echoes
/// in every notification, not a signature: it proves the sender knows it, but covers neither the notification's
/// content nor a time, so HTTPS is essential. Graph signs no timestamp, so <see cref="WebhookSchemeOptions.Tolerance"/>
/// is not used.
/// </summary>
public sealed class MicrosoftGraphOptions : WebhookSchemeOptions
{
    /// <inheritdoc />
    public override void Validate(ICollection<string> errors)
    {
        base.Validate(errors);
        if (GetAllSecrets().Any(s => s.Length > 255))
            errors.Add("a clientState is at most 255 characters (Microsoft Graph's limit)");
    }
}
