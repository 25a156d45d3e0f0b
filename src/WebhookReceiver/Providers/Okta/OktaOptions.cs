namespace WebhookReceiver;

/// <summary>
/// Options of an Okta event hook scheme. Okta signs nothing: each request, the verification GET included, carries the
/// event hook's "Authentication secret" in the header named by its "Authentication field" (<see cref="SecretHeader"/>),
/// compared whole, in constant time, with <see cref="WebhookSchemeOptions.Secret"/> (several in
/// <see cref="WebhookSchemeOptions.Secrets"/> during a rotation). Write the secret exactly as entered in Okta (e.g.
/// <c>Basic YWRtaW46c3VwZXJzZWNyZXQ=</c> when it is Basic credentials). It covers neither the body nor a time: use HTTPS.
/// </summary>
public sealed class OktaOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Okta's defaults.</summary>
    public OktaOptions() => Tolerance = OktaDefaults.Tolerance;

    /// <summary>Gets or sets the header carrying the secret. The default is <c>Authorization</c>.</summary>
    public string SecretHeader { get; set; } = OktaDefaults.SecretHeader;

    /// <inheritdoc />
    public override void Validate(ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        base.Validate(errors);
        if (string.IsNullOrWhiteSpace(SecretHeader))
            errors.Add("SecretHeader must not be empty (the default is 'Authorization')");
    }
}
