namespace WebhookReceiver;

/// <summary>
/// Options of an Azure Event Grid scheme. <see cref="WebhookSchemeOptions.Secret"/> is the delivery secret you put in
/// the subscription's endpoint URL (<c>?code=…</c>, see <see cref="SecretQueryParameter"/>) or in a delivery header
/// (<see cref="SecretHeader"/>); it is compared in constant time and is not a signature: it covers neither the events nor
/// a time, so HTTPS is essential. Microsoft Entra bearer tokens (<c>Authorization: Bearer …</c>, Event Grid's
/// "Microsoft Entra authentication" of webhooks) are left to ASP.NET Core authentication: add
/// <c>AddJwtBearer</c> and <c>.RequireAuthorization(...)</c> on the mapped endpoint. The CloudEvents abuse-protection
/// handshake accepts <see cref="EventGridDefaults.Origin"/> by default.
/// </summary>
public sealed class EventGridOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Event Grid's defaults.</summary>
    public EventGridOptions() => CloudEventsAllowedOrigins.Add(EventGridDefaults.Origin);

    /// <summary>Gets or sets the query parameter carrying the secret. The default is <c>code</c>.</summary>
    public string SecretQueryParameter { get; set; } = EventGridDefaults.SecretQueryParameter;

    /// <summary>
    /// Gets or sets a header carrying the secret instead (a delivery property of the subscription, e.g.
    /// <c>X-Delivery-Secret</c>); when set, a request presenting that header is checked by it, others by the query
    /// parameter. The default is <see langword="null"/>: the query parameter only.
    /// </summary>
    public string? SecretHeader { get; set; }

    /// <inheritdoc />
    public override void Validate(ICollection<string> errors)
    {
        base.Validate(errors);
        if (string.IsNullOrWhiteSpace(SecretQueryParameter))
            errors.Add("SecretQueryParameter must not be empty (the default is 'code')");
    }
}
