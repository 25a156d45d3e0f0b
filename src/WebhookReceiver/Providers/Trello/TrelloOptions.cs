namespace WebhookReceiver;

/// <summary>
/// Options of a Trello scheme. <see cref="WebhookSchemeOptions.Secret"/> is the application's secret (the OAuth secret
/// shown with the API key), used as UTF-8. Trello signs the webhook's callback URL with the body: set
/// <see cref="CallbackUrl"/> to the <c>callbackURL</c> the webhook was created with, exactly; it is never taken from the
/// request (its Host header is the sender's to choose).
/// </summary>
public sealed class TrelloOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Trello's defaults.</summary>
    public TrelloOptions() => Tolerance = TrelloDefaults.Tolerance;

    /// <summary>Gets or sets the webhook's <c>callbackURL</c>, exactly as given to Trello (required), e.g. <c>https://hooks.example.com/webhooks/trello</c>.</summary>
    public string? CallbackUrl { get; set; }

    /// <inheritdoc />
    public override void Validate(ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        base.Validate(errors);
        if (string.IsNullOrWhiteSpace(CallbackUrl) || !Uri.TryCreate(CallbackUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            errors.Add("CallbackUrl must be the absolute callbackURL the Trello webhook was created with (Trello signs it with the body)");
    }
}
